using System.Diagnostics;
using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Hosting;
using Npgsql;

namespace MicroInternships.Journeys.Bench;

/// <summary>
/// Insights through the running system, asked directly (not through the gateway, whose per-client limit would answer
/// most of this load): the summary and a series timed under every kind of filter; a rebuild of the whole read model by
/// replay after its database is dropped; and a backlog of events waiting in its queue, taken in per second.
/// </summary>
internal sealed class InsightsSpeed(RunningSystem system)
{
    private const int Rounds = 20;

    /// <param name="Slowest">The query whose own p95 is the highest, and that p95.</param>
    public sealed record Latency(double P50, double P95, int Requests, (string Query, double P95) Slowest);

    /// <summary>Each query asked <see cref="Rounds"/> times after a warm-up round; the latencies of all of them.</summary>
    public static async Task<Latency> TimeAsync(HttpClient coordinator, IReadOnlyList<string> queries)
    {
        var samples = queries.ToDictionary(query => query, _ => new List<double>());
        for (var round = 0; round <= Rounds; round++)
        {
            foreach (var query in queries)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await coordinator.GetAsync(query);
                response.EnsureSuccessStatusCode();
                if (round > 0)
                {
                    samples[query].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        var all = samples.Values.SelectMany(s => s).ToList();
        var slowest = samples.Select(s => (Query: s.Key, P95: Percentiles.Of(s.Value, 0.95))).MaxBy(s => s.P95);
        return new Latency(Percentiles.Of(all, 0.50), Percentiles.Of(all, 0.95), all.Count, slowest);
    }

    /// <summary>Insights stopped, its database dropped, started again: seconds until it holds the whole history again.</summary>
    public async Task<double> RebuildAsync(InsightsHistory history)
    {
        await system.SetRunningAsync(ResourceNames.InsightsApi, running: false);
        var server = new NpgsqlConnectionStringBuilder(await system.ConnectionStringAsync(ResourceNames.InsightsDb));
        var name = server.Database!;
        server.Database = "postgres";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE \"{name}\" WITH (FORCE)");
        }

        NpgsqlConnection.ClearAllPools();
        var started = Stopwatch.GetTimestamp();
        await system.SetRunningAsync(ResourceNames.InsightsApi, running: true);
        await using var insights = new NpgsqlConnection(await system.ConnectionStringAsync(ResourceNames.InsightsDb));
        await insights.OpenAsync();
        while (!await history.LearnedAsync(insights))
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("Insights had not relearned the history after 10 minutes.");
            }

            // Each look reads every fact of two tables, which costs the rebuild it measures: once a second.
            await Task.Delay(1000);
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <param name="Drained">Events applied per second from the first of the backlog to the last; NaN when all were applied between two looks.</param>
    /// <param name="Published">Events the bench published per second, beside the rest of the system.</param>
    public sealed record Ingest(double Drained, double Published);

    /// <summary>
    /// <paramref name="count"/> placements started, published (500 in flight) while Insights is stopped, so they wait in its
    /// queue as after an outage or a burst; then Insights starts, and the clock runs from the first of them applied to the
    /// last: the rate it takes in events given more than it can take, while Listings, Payments and Notifications still work
    /// through the same events. Timed from the first publish instead, it would be the bench's publishing that is measured:
    /// Insights keeps up with it.
    /// </summary>
    public async Task<Ingest> IngestAsync(int count)
    {
        var prefix = $"live-{Random.Shared.Next():x8}";
        await using var insights = new NpgsqlConnection(await system.ConnectionStringAsync(ResourceNames.InsightsDb));
        await insights.OpenAsync();

        // Counted among the rows written since now (change_xid, indexed), not by reading the whole table.
        var since = await insights.ScalarAsync<long>("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
        await system.SetRunningAsync(ResourceNames.InsightsApi, running: false);
        var published = await PublishAsync(prefix, count);

        var starting = system.SetRunningAsync(ResourceNames.InsightsApi, running: true);
        var applied = $"SELECT count(*) FROM placement_facts WHERE change_xid >= {since} AND student_id LIKE '{prefix}-%'";
        var (first, firstCount) = (0L, 0L);
        var waited = Stopwatch.GetTimestamp();
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            var done = await insights.ScalarAsync<long>(applied);
            if (done > 0 && first == 0)
            {
                (first, firstCount) = (now, done);
            }

            if (done >= count)
            {
                await starting;
                return new Ingest((count - firstCount) / Stopwatch.GetElapsedTime(first, now).TotalSeconds, published);
            }

            if (Stopwatch.GetElapsedTime(waited) > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("Insights had not applied the live events after 5 minutes.");
            }

            await Task.Delay(50);
        }
    }

    /// <returns>Events published per second.</returns>
    private async Task<double> PublishAsync(string prefix, int count)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(system.MessagingUri)));
        await bus.StartAsync();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var now = DateTimeOffset.UtcNow;
            for (var chunk = 0; chunk < count; chunk += 500)
            {
                await Task.WhenAll(Enumerable.Range(chunk, Math.Min(500, count - chunk)).Select(n => bus.Publish(new PlacementStarted(
                    new(Guid.NewGuid(), 1, Guid.NewGuid(), $"{prefix}-{n}", "Live student", Guid.NewGuid(), null, null, 40_000, "USD", 1, 1, "active", "none", null, null),
                    now))));
            }

            return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
