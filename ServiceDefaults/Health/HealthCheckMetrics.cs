using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.ServiceDefaults.Health;

/// <summary>
/// Every check's latest result as a gauge (meter <c>MicroInternships.Health</c>, <c>health.check.healthy</c>, tag
/// <c>check</c>): 1 while it was <c>Healthy</c>, 0 while <c>Degraded</c> or <c>Unhealthy</c>. The checks run every
/// <see cref="Period"/> whether or not anyone probes, so an alert sees a broker outage that no readiness probe shows.
/// </summary>
public sealed class HealthCheckMetrics : IHealthCheckPublisher
{
    public const string MeterName = "MicroInternships.Health";

    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, HealthStatus> _latest = new();

    public HealthCheckMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("health.check.healthy", Observe, description: "1 while the check's latest result was Healthy, 0 while Degraded or Unhealthy.");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            _latest[name] = entry.Status;
        }

        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> Observe() =>
        _latest.Select(check => new Measurement<int>(check.Value == HealthStatus.Healthy ? 1 : 0, new KeyValuePair<string, object?>("check", check.Key)));
}

internal static class HealthCheckMetricsRegistration
{
    public static IServiceCollection AddHealthCheckMetrics(this IServiceCollection services)
    {
        services.AddSingleton<IHealthCheckPublisher, HealthCheckMetrics>();
        services.Configure<HealthCheckPublisherOptions>(options => options.Period = HealthCheckMetrics.Period);
        return services;
    }
}
