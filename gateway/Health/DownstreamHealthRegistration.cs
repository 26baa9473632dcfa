using MicroInternships.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.Gateway.Health;

internal static class DownstreamHealthRegistration
{
    /// <summary>
    /// The gateway is ready when it can route (<see cref="RoutingHealthCheck"/>); each service it routes to is a check
    /// that only degrades it, shown on <c>/health/detail</c>: one service down makes its own routes answer 503, never
    /// the whole API unready.
    /// </summary>
    public static IServiceCollection AddDownstreamHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        // Health probes must answer fast and honestly: no retries that would hide an outage.
#pragma warning disable EXTEXP0001 // the only way to opt one client out of ConfigureHttpClientDefaults' resilience
        services.AddHttpClient(DownstreamReadiness.HttpClientName, client => client.Timeout = DownstreamReadiness.Patience)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddSingleton<DownstreamReadiness>();

        var checks = services.AddHealthChecks().AddCheck<RoutingHealthCheck>(RoutingHealthCheck.Name);
        foreach (var service in ResourceNames.Services)
        {
            var address = new Uri(configuration[$"Downstream:{service}"] ?? $"http://{service}");
            checks.Add(new HealthCheckRegistration(
                service,
                provider => new DownstreamHealthCheck(provider.GetRequiredService<DownstreamReadiness>(), address),
                HealthStatus.Degraded,
                [ServiceDefaultsExtensions.DegradesTag],
                DownstreamReadiness.Patience + TimeSpan.FromSeconds(1)));
        }

        return services;
    }
}
