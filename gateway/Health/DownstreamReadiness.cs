using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.Gateway.Health;

/// <summary>
/// Asks each downstream service how it is (its <c>/health/detail</c>), on behalf of every caller of the gateway's public
/// <c>/health/detail</c> and of its health metric. A fresh answer costs the service a database query and a message
/// through RabbitMQ, so callers at the same moment share one probe, and a healthy answer is reused for
/// <see cref="HealthyFor"/>: a flood of probes never becomes a flood downstream. Any other answer is never reused, so a
/// recovery shows at the next probe.
/// </summary>
public sealed class DownstreamReadiness(IHttpClientFactory clients, TimeProvider time)
{
    public const string HttpClientName = "downstream-health";

    /// <summary>What the service said of itself, or that it did not answer: the data key of each downstream check.</summary>
    public const string ReportedKey = "reported";

    public const string Unreachable = "Unreachable";

    public static readonly TimeSpan HealthyFor = TimeSpan.FromSeconds(2);

    /// <summary>How long a service has to answer: longer than its own limit on each check, so a service whose broker check times out still answers, Degraded.</summary>
    public static readonly TimeSpan Patience = ServiceDefaultsExtensions.HealthCheckTimeout + TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<Uri, Probe> _probes = new();

    /// <returns>
    /// <c>Healthy</c> while the service is ready (its own status <c>Healthy</c>, or <c>Degraded</c> with its broker away),
    /// else <paramref name="failureStatus"/>: its routes answer 503. What it said of itself is in the data either way.
    /// </returns>
    public async Task<HealthCheckResult> CheckAsync(Uri service, HealthStatus failureStatus, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var probe = _probes.AddOrUpdate(service, _ => Start(service, now), (_, last) => Reusable(last, now) ? last : Start(service, now));
        var reported = await probe.Answer.WaitAsync(cancellationToken);
        var data = new Dictionary<string, object> { [ReportedKey] = reported };
        return reported is nameof(HealthStatus.Healthy) or nameof(HealthStatus.Degraded)
            ? HealthCheckResult.Healthy(Describe(reported), data)
            : new HealthCheckResult(failureStatus, Describe(reported), data: data);
    }

    private static string? Describe(string reported) => reported switch
    {
        nameof(HealthStatus.Healthy) => null,
        nameof(HealthStatus.Degraded) => "Ready, with a dependency that only degrades it failing (the broker, its outbox).",
        Unreachable => "Not answering: its routes answer 503.",
        _ => "Not ready: its routes answer 503 or fail.",
    };

    private static bool Reusable(Probe last, DateTimeOffset now) =>
        !last.Answer.IsCompleted
        || (last.Answer.IsCompletedSuccessfully && last.Answer.Result == nameof(HealthStatus.Healthy) && now - last.StartedAt < HealthyFor);

    private Probe Start(Uri service, DateTimeOffset now) => new(AskAsync(service), now);

    /// <summary>Not bound to any one caller's cancellation: others may be waiting for the same answer.</summary>
    private async Task<string> AskAsync(Uri service)
    {
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(new Uri(service, "/health/detail"));
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable))
            {
                return nameof(HealthStatus.Unhealthy);
            }

            await using var body = await response.Content.ReadAsStreamAsync();
            using var detail = await JsonDocument.ParseAsync(body);
            return detail.RootElement.TryGetProperty("status", out var status) && Enum.TryParse<HealthStatus>(status.GetString(), out var parsed)
                ? parsed.ToString()
                : nameof(HealthStatus.Unhealthy);
        }
        catch (HttpRequestException)
        {
            return Unreachable;
        }
        catch (TaskCanceledException)
        {
            return Unreachable;
        }
        catch (JsonException)
        {
            return nameof(HealthStatus.Unhealthy);
        }
    }

    private sealed record Probe(Task<string> Answer, DateTimeOffset StartedAt);
}
