using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.Gateway.Health;

/// <summary>
/// Asks each downstream service whether it is ready, on behalf of every caller of the gateway's public <c>/health</c>.
/// A fresh answer costs the service a database query and a message through RabbitMQ, so callers at the same moment
/// share one probe, and a healthy answer is reused for <see cref="HealthyFor"/>: a flood of probes never becomes a
/// flood downstream. An unhealthy answer is never reused, so a recovery shows at the next probe.
/// </summary>
public sealed class DownstreamReadiness(IHttpClientFactory clients, TimeProvider time)
{
    public const string HttpClientName = "downstream-health";

    public static readonly TimeSpan HealthyFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Uri, Probe> _probes = new();

    public Task<HealthCheckResult> CheckAsync(Uri service, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var probe = _probes.AddOrUpdate(service, _ => Start(service, now), (_, last) => Reusable(last, now) ? last : Start(service, now));
        return probe.Answer.WaitAsync(cancellationToken);
    }

    private static bool Reusable(Probe last, DateTimeOffset now) =>
        !last.Answer.IsCompleted
        || (last.Answer.IsCompletedSuccessfully && last.Answer.Result.Status == HealthStatus.Healthy && now - last.StartedAt < HealthyFor);

    private Probe Start(Uri service, DateTimeOffset now) => new(AskAsync(service), now);

    /// <summary>Not bound to any one caller's cancellation: others may be waiting for the same answer.</summary>
    private async Task<HealthCheckResult> AskAsync(Uri service)
    {
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(new Uri(service, "/health"));
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Readiness answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Unhealthy("Readiness did not answer.", exception);
        }
        catch (TaskCanceledException exception)
        {
            return HealthCheckResult.Unhealthy("Readiness did not answer in time.", exception);
        }
    }

    private sealed record Probe(Task<HealthCheckResult> Answer, DateTimeOffset StartedAt);
}
