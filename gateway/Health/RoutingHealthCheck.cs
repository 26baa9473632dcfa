using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace MicroInternships.Gateway.Health;

/// <summary>The gateway's readiness: its proxy configuration is loaded, with routes, and every cluster has somewhere to send them.</summary>
public sealed class RoutingHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public const string Name = "routing";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var routes = proxy.GetRoutes().Count();
        var empty = proxy.GetClusters().Where(cluster => cluster.Destinations.IsEmpty).Select(cluster => cluster.ClusterId).ToList();
        var data = new Dictionary<string, object> { ["routes"] = routes, ["clusters"] = proxy.GetClusters().Count() };
        return Task.FromResult(routes > 0 && empty.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : new HealthCheckResult(context.Registration.FailureStatus, routes == 0 ? "No routes are configured." : $"No destinations for {string.Join(", ", empty)}.", data: data));
    }
}
