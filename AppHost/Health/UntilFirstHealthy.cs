using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.AppHost.Health;

/// <summary>
/// A resource's health check that, until the resource has first been healthy, probes it every
/// <paramref name="probeInterval"/> for up to <paramref name="patience"/> before answering, so its readiness is noticed
/// within one interval; once it has been healthy, each check is the single probe it wraps.
/// </summary>
internal sealed class UntilFirstHealthy(IHealthCheck probe, HealthSeen seen, TimeSpan probeInterval, TimeSpan patience, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var result = await probe.CheckHealthAsync(context, cancellationToken);
            if (result.Status == HealthStatus.Healthy)
            {
                seen.Healthy = true;
                return result;
            }

            if (seen.Healthy || time.GetElapsedTime(started) + probeInterval > patience)
            {
                return result;
            }

            await Task.Delay(probeInterval, time, cancellationToken);
        }
    }
}

/// <summary>Whether a health check has reported healthy once; shared by the check's instances, which are made per run.</summary>
internal sealed class HealthSeen
{
    private volatile bool _healthy;

    public bool Healthy
    {
        get => _healthy;
        set => _healthy = value;
    }
}
