using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.Gateway.Health;

/// <summary>A downstream service is healthy when its own <c>/health/detail</c> says so (<see cref="DownstreamReadiness"/>).</summary>
public sealed class DownstreamHealthCheck(DownstreamReadiness readiness, Uri serviceAddress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        readiness.CheckAsync(serviceAddress, context.Registration.FailureStatus, cancellationToken);
}
