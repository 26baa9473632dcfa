using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.Gateway.Health;

/// <summary>A downstream service is healthy when its own readiness endpoint says so.</summary>
public sealed class DownstreamHealthCheck(IHttpClientFactory clients, Uri serviceAddress) : IHealthCheck
{
    public const string HttpClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(new Uri(serviceAddress, "/health"), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Readiness answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Unhealthy("Readiness did not answer.", exception);
        }
    }
}
