using System.Diagnostics;
using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Hosting;
using Npgsql;

namespace MicroInternships.Journeys.Bench;

/// <summary>
/// Applications arriving at <c>rate</c> a second for <c>seconds</c>, published to the broker as Placements would:
/// each must become its organization's notification. The backlog (published, not yet a notification) is sampled
/// every second; it must not grow while the load lasts, and it drains once the load stops.
/// </summary>
internal sealed class FanOut(RunningSystem system, int rate, int seconds)
{
    private const int Slices = 20;
    private static readonly TimeSpan _drainTimeout = TimeSpan.FromMinutes(3);

    public sealed record Run(int Published, double BacklogFirstThird, double BacklogLastThird, int MaxBacklog, double DrainSeconds, double MadePerSecond);

    public async Task<Run> MeasureAsync(int run)
    {
        var (organization, listing) = (Guid.NewGuid(), Guid.NewGuid());
        await using var notifications = new NpgsqlConnection(await system.ConnectionStringAsync(ResourceNames.NotificationsDb));
        await notifications.OpenAsync();
        await notifications.ExecuteAsync($"INSERT INTO listings (id, version, organization_id, title) VALUES ('{listing}', 1, '{organization}', 'Fan-out bench listing')");
        var made = $"SELECT count(*) FROM notifications WHERE recipient_kind = 'organization' AND recipient_key = '{organization}'";

        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(system.MessagingUri)));
        await bus.StartAsync();
        var backlog = new List<(double At, long Backlog)>();
        var published = 0;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var total = rate * seconds;
            var perSlice = rate / Slices;
            var nextSample = 1.0;
            for (var slice = 0; published < total; slice++)
            {
                var wait = TimeSpan.FromSeconds((double)slice / Slices) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                await Task.WhenAll(Enumerable.Range(0, Math.Min(perSlice, total - published)).Select(_ => bus.Publish(Submitted(listing, organization))));
                published += Math.Min(perSlice, total - published);
                var at = Stopwatch.GetElapsedTime(started).TotalSeconds;
                if (at >= nextSample)
                {
                    backlog.Add((at, published - await notifications.ScalarAsync<long>(made)));
                    nextSample = Math.Floor(at) + 1;
                }
            }
        }
        finally
        {
            await bus.StopAsync();
        }

        var loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        while (await notifications.ScalarAsync<long>(made) < published)
        {
            if (Stopwatch.GetElapsedTime(started).TotalSeconds - loadSeconds > _drainTimeout.TotalSeconds)
            {
                throw new TimeoutException($"{published - await notifications.ScalarAsync<long>(made)} of {published} applications were never told after {_drainTimeout}.");
            }

            await Task.Delay(100);
        }

        var allMade = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var third = loadSeconds / 3;
        var result = new Run(
            published,
            backlog.Where(b => b.At <= third).Select(b => (double)b.Backlog).DefaultIfEmpty(double.NaN).Average(),
            backlog.Where(b => b.At > 2 * third).Select(b => (double)b.Backlog).DefaultIfEmpty(double.NaN).Average(),
            backlog.Count == 0 ? 0 : (int)backlog.Max(b => b.Backlog),
            allMade - loadSeconds,
            published / allMade);
        Console.WriteLine($"  run {run}: {published:N0} applications at {published / loadSeconds:N0}/s for {loadSeconds:F1} s; backlog averaged {result.BacklogFirstThird:N0} " +
                          $"in the first third and {result.BacklogLastThird:N0} in the last (max {result.MaxBacklog:N0}); drained {result.DrainSeconds:F1} s after the load; " +
                          $"{result.MadePerSecond:N0} notifications/s overall");
        return result;
    }

    private static ApplicationSubmitted Submitted(Guid listing, Guid organization) => new(
        new ApplicationSnapshot(
            Guid.NewGuid(), 1, listing, organization, $"s-fanout-{Guid.NewGuid():N}", "Bench Student", null, "submitted", 40_000, "USD", 20,
            DateTimeOffset.UtcNow, null, null, null),
        DateTimeOffset.UtcNow);
}
