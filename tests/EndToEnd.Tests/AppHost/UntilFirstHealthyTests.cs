using MicroInternships.AppHost.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.EndToEnd.Tests.AppHost;

/// <summary>The AppHost's start-up health check, against a scripted probe (no system started).</summary>
public sealed class UntilFirstHealthyTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task A_starting_resource_is_probed_until_it_is_healthy_and_reported_in_one_check()
    {
        var probe = new ScriptedProbe(HealthStatus.Unhealthy, HealthStatus.Unhealthy, HealthStatus.Unhealthy, HealthStatus.Healthy);
        var check = new UntilFirstHealthy(probe, new HealthSeen(), Interval, TimeSpan.FromSeconds(30), TimeProvider.System);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(4, probe.Calls);
    }

    [Fact]
    public async Task A_resource_that_stays_unhealthy_is_reported_unhealthy_once_the_patience_runs_out()
    {
        var probe = new ScriptedProbe(HealthStatus.Unhealthy);
        var check = new UntilFirstHealthy(probe, new HealthSeen(), Interval, TimeSpan.FromMilliseconds(100), TimeProvider.System);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.InRange(probe.Calls, 2, 21);
    }

    [Fact]
    public async Task Once_healthy_each_check_is_a_single_probe_so_a_failure_is_reported_at_once()
    {
        var seen = new HealthSeen();
        var probe = new ScriptedProbe(HealthStatus.Healthy, HealthStatus.Unhealthy, HealthStatus.Healthy);
        UntilFirstHealthy NewCheck() => new(probe, seen, Interval, TimeSpan.FromSeconds(30), TimeProvider.System);

        Assert.Equal(HealthStatus.Healthy, (await NewCheck().CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(HealthStatus.Unhealthy, (await NewCheck().CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(2, probe.Calls);
    }

    [Fact]
    public async Task Stopping_the_application_ends_a_check_that_is_waiting()
    {
        var probe = new ScriptedProbe(HealthStatus.Unhealthy);
        var check = new UntilFirstHealthy(probe, new HealthSeen(), Interval, TimeSpan.FromSeconds(30), TimeProvider.System);
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.CheckHealthAsync(new HealthCheckContext(), stopping.Token));
    }

    /// <summary>Answers the given statuses in turn, then the last one for ever.</summary>
    private sealed class ScriptedProbe(params HealthStatus[] answers) : IHealthCheck
    {
        public int Calls { get; private set; }

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = answers[Math.Min(Calls, answers.Length - 1)];
            Calls++;
            return Task.FromResult(new HealthCheckResult(status));
        }
    }
}
