using System.Diagnostics.Metrics;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Tests.Support;
using MicroInternships.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;

namespace MicroInternships.Messaging.Tests;

/// <summary>What ops see of an outbox that falls behind: the backlog gauges, and readiness failing past its threshold.</summary>
public sealed class OutboxBacklogTests : MessagingTest
{
    [Fact]
    public async Task RowsThatCannotLeave_ShowInTheGauges_AndFailReadinessPastTheThreshold()
    {
        await using var host = await StartHostAsync(settings: new Dictionary<string, string?>
        {
            ["Messaging:BacklogMaxRows"] = "2",
            ["Messaging:BacklogSampleInterval"] = "00:00:00.100",
        });
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var backlog = new MetricCollector<long>(meters, MessagingMetrics.MeterName, "outbox.backlog");
        using var oldestAge = new MetricCollector<double>(meters, MessagingMetrics.MeterName, "outbox.oldest_unsent.age");
        using var parked = new MetricCollector<long>(meters, MessagingMetrics.MeterName, "outbox.parked");
        Assert.Equal(HealthStatus.Healthy, await OutboxHealthAsync(host));

        // Rows the relay may not take yet: due in an hour, written a minute ago; and one parked.
        await host.WithDbAsync(async db =>
        {
            await OutboxRows.InsertAsync(db, Enumerable.Range(0, 4).Select(index => new WorkRequested(RunId, $"waiting-{index}")), age: TimeSpan.FromMinutes(1), dueIn: TimeSpan.FromHours(1));
            return await db.Database.ExecuteSqlRawAsync("UPDATE outbox_messages SET parked_at = now() WHERE id = (SELECT id FROM outbox_messages ORDER BY id LIMIT 1)");
        });

        Assert.Equal(HealthStatus.Degraded, await OutboxHealthAsync(host));
        await Eventually.HoldsAsync(
            () => Task.FromResult(Observe(backlog) == 3 && Observe(parked) == 1 && Observe(oldestAge) >= 60),
            "the gauges show three waiting rows, the oldest a minute old, and one parked row");

        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE outbox_messages SET sent_at = now() WHERE parked_at IS NULL"));

        Assert.Equal(HealthStatus.Healthy, await OutboxHealthAsync(host));
        await Eventually.HoldsAsync(() => Task.FromResult(Observe(backlog) == 0 && Observe(oldestAge) == 0), "the gauges show the backlog gone");
    }

    private static async Task<HealthStatus> OutboxHealthAsync(MessagingHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Name == "outbox-backlog");
        var entry = report.Entries["outbox-backlog"];
        Assert.Null(entry.Exception);
        return entry.Status;
    }

    private static T? Observe<T>(MetricCollector<T> gauge) where T : struct
    {
        gauge.RecordObservableInstruments();
        return gauge.LastMeasurement?.Value;
    }
}
