using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.AppHost.Health;

/// <summary>
/// For those who start the system to use all of it at once (the end-to-end tests, the benchmarks): readiness says a
/// process can serve its API, not that its broker connection is up, so they wait for what the gateway's
/// <c>/health/detail</c> shows: every service healthy, with a message through RabbitMQ and back.
/// </summary>
public static class WholeSystem
{
    public static async Task WaitUntilWholeAsync(this DistributedApplication app, CancellationToken cancellationToken = default)
    {
        var address = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>()
            .Single(resource => resource.Name == ResourceNames.Gateway).GetEndpoint("http").Url;
        using var gateway = new HttpClient { BaseAddress = new Uri(address) };
        while (true)
        {
            using var detail = await gateway.GetAsync("/health/detail", cancellationToken);
            if (detail.StatusCode == HttpStatusCode.OK && IsWhole(await detail.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>The gateway healthy, and each service it asked healthy in its own eyes, not only ready.</summary>
    private static bool IsWhole(JsonElement detail) =>
        detail.GetProperty("status").GetString() == "Healthy"
        && detail.GetProperty("checks").EnumerateObject().All(check =>
            !check.Value.TryGetProperty("data", out var data)
            || !data.TryGetProperty("reported", out var reported)
            || reported.GetString() == "Healthy");
}
