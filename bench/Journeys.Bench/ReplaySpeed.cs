using System.Diagnostics;
using System.Globalization;
using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Replay;
using MicroInternships.Hosting;
using Npgsql;

namespace MicroInternships.Journeys.Bench;

/// <summary>
/// Replay at scale through the running system: <c>events</c> <see cref="ListingPublished"/> events are written into
/// Listings' event log (as if published over months, before Placements existed), Placements asks for them with a
/// <see cref="ReplayRequested"/>, and the clock runs until Placements holds a copy of every one. Meanwhile students
/// browse Listings at a steady rate; their p99 is compared with the same load's just before, in the same run, and
/// split at the moment Listings had sent the whole replay (what the publisher's work costs its own API, and what
/// the consumer's catching up costs a machine it shares).
/// </summary>
internal sealed class ReplaySpeed(RunningSystem system, HttpClient student, int events, int rate)
{
    private const string SentEverything = """
        SELECT EXISTS (SELECT 1 FROM replay_jobs WHERE request_id = '{0}' AND done_at IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM outbox_messages WHERE replay_to IS NOT NULL AND sent_at IS NULL)
        """;

    private static readonly TimeSpan _baseline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(5);
    private static readonly string _listingPublished = $"{typeof(ListingPublished).FullName}, {typeof(ListingPublished).Assembly.GetName().Name}";

    public sealed record Run(
        double Seconds, double PublisherSeconds, double P99Before, double P99During, double P99WhilePublishing, double P99AfterPublishing, int Requests, int Failed)
    {
        public double EventsPerSecond(int events) => events / Seconds;

        public double Ratio => P99During / P99Before;
    }

    public async Task<Run> MeasureAsync(int run)
    {
        var prefix = $"{Random.Shared.Next():x8}";
        var since = await SeedAsync(prefix);

        await BrowseAsync(until: Task.Delay(_baseline)); // warm-up: the first answers carry the JIT and cold caches
        var before = await BrowseAsync(until: Task.Delay(_baseline));
        var started = Stopwatch.GetTimestamp();
        var request = await RequestReplayAsync(since);
        var replayed = WaitForCopiesAsync(prefix, request, started);
        var during = await BrowseAsync(until: replayed);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var sent = (await replayed).TotalSeconds;
        var whileSending = P99(during.Latencies.Where(l => l.At <= sent));
        var after = P99(during.Latencies.Where(l => l.At > sent));

        Console.WriteLine($"  run {run}: {events:N0} events replayed in {seconds:F1} s ({events / seconds:N0}/s), Listings done sending at {sent:F1} s; " +
                          $"Listings API p99 {P99(before.Latencies):F1} ms before, {P99(during.Latencies):F1} ms during ({whileSending:F1} while Listings sent, " +
                          $"{(double.IsNaN(after) ? "none" : $"{after:F1}")} after; {during.Latencies.Count} requests at {rate}/s, {before.Failed + during.Failed} failed)");
        return new Run(seconds, sent, P99(before.Latencies), P99(during.Latencies), whileSending, after, during.Latencies.Count, before.Failed + during.Failed);
    }

    /// <summary>Writes the events into Listings' log in one statement, listing ids <c>{prefix}-0000-4000-8000-{n}</c>; returns the log's clock before.</summary>
    private async Task<DateTimeOffset> SeedAsync(string prefix)
    {
        await using var listings = new NpgsqlConnection(await system.ConnectionStringAsync(ResourceNames.ListingsDb));
        await listings.OpenAsync();
        var since = new DateTimeOffset(await listings.ScalarAsync<DateTime>("SELECT now()"));
        await using var seed = new NpgsqlCommand("""
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), @type, jsonb_build_object(
                'listing', jsonb_build_object(
                    'listingId', (@prefix || '-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'version', 1, 'status', 'open',
                    'organizationId', '00000000-0000-4000-8000-00000000b0b0', 'organizationName', 'Replay Bench Co',
                    'title', 'Replayed listing ' || n, 'openings', 1, 'applicationDeadline', now() + interval '30 days',
                    'amountCents', 40000, 'currency', 'USD', 'estimatedHours', 20, 'fundId', null, 'courseIds', '[]'::jsonb),
                'occurredAt', now())
            FROM generate_series(1, @events) AS n
            """, listings);
        seed.Parameters.AddWithValue("type", _listingPublished);
        seed.Parameters.AddWithValue("prefix", prefix);
        seed.Parameters.AddWithValue("events", events);
        seed.CommandTimeout = 300;
        await seed.ExecuteNonQueryAsync();
        return since;
    }

    /// <summary>What Placements would send for itself: its name, the event type, since the seed began.</summary>
    private async Task<Guid> RequestReplayAsync(DateTimeOffset since)
    {
        var request = NewId.NextGuid();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(system.MessagingUri)));
        await bus.StartAsync();
        try
        {
            await bus.Publish(new ReplayRequested(request, "placements", [_listingPublished], since, DateTimeOffset.UtcNow));
            return request;
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <returns>When, after <paramref name="started"/>, Listings had sent the whole replay (the request's job done, none of it left in its outbox).</returns>
    private async Task<TimeSpan> WaitForCopiesAsync(string prefix, Guid request, long started)
    {
        await using var placements = new NpgsqlConnection(await system.ConnectionStringAsync(ResourceNames.PlacementsDb));
        await placements.OpenAsync();
        await using var listings = new NpgsqlConnection(await system.ConnectionStringAsync(ResourceNames.ListingsDb));
        await listings.OpenAsync();
        var count = $"SELECT count(*) FROM listings WHERE id BETWEEN '{prefix}-0000-4000-8000-000000000000' AND '{prefix}-0000-4000-8000-ffffffffffff'";
        TimeSpan? sent = null;
        while (await placements.ScalarAsync<long>(count) < events)
        {
            if (Stopwatch.GetElapsedTime(started) > _timeout)
            {
                throw new TimeoutException($"Placements had {await placements.ScalarAsync<long>(count)} of {events} copies after {_timeout}.");
            }

            sent ??= await listings.ScalarAsync<bool>(string.Format(CultureInfo.InvariantCulture, SentEverything, request)) ? Stopwatch.GetElapsedTime(started) : null;
            await Task.Delay(250);
        }

        // Sent within the last poll: the copies' end is the best bound on when.
        return sent ?? Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Students browsing open listings at <c>rate</c> a second until <paramref name="until"/> completes; each answer's latency and when it was asked.</summary>
    private async Task<(List<(double At, double Milliseconds)> Latencies, int Failed)> BrowseAsync(Task until)
    {
        var latencies = new List<(double At, double Milliseconds)>();
        var failed = 0;
        var pending = new List<Task>();
        var started = Stopwatch.GetTimestamp();
        for (var sent = 0; !until.IsCompleted; sent++)
        {
            var wait = TimeSpan.FromSeconds((double)sent / rate) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.WhenAny(Task.Delay(wait), until);
            }

            pending.Add(Task.Run(async () =>
            {
                var asked = Stopwatch.GetTimestamp();
                using var response = await student.GetAsync("/api/listings?limit=20");
                var elapsed = Stopwatch.GetElapsedTime(asked).TotalMilliseconds;
                lock (latencies)
                {
                    if (response.IsSuccessStatusCode)
                    {
                        latencies.Add((Stopwatch.GetElapsedTime(started, asked).TotalSeconds, elapsed));
                    }
                    else
                    {
                        failed++;
                    }
                }
            }));
        }

        await until;
        await Task.WhenAll(pending);
        return (latencies, failed);
    }

    private static double P99(IEnumerable<(double At, double Milliseconds)> latencies) => Percentiles.Of([.. latencies.Select(l => l.Milliseconds)], 0.99);
}
