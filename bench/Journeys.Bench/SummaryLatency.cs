using System.Diagnostics;
using MicroInternships.Hosting;
using Npgsql;

namespace MicroInternships.Journeys.Bench;

/// <summary>
/// The bell's question, <c>GET /api/notifications/summary</c>, asked of the Notifications service directly by
/// students with a hundred notifications each (two in three read), a partner and a coordinator: timed on the
/// database as it is, then again once <c>rows</c> notifications are stored, in the same run.
/// </summary>
internal sealed class SummaryLatency(RunningSystem system, int rows)
{
    private const int PerStudent = 100;
    private const int Callers = 20;
    private const int AsksPerCaller = 25;

    public sealed record Figures(double P50, double P95, double P99, int Requests);

    public async Task<Figures> MeasureAsync(string prefix)
    {
        var callers = new List<HttpClient>();
        for (var i = 0; i < Callers; i++)
        {
            callers.Add(await system.ServiceSignedInAsync(ResourceNames.NotificationsApi, new { sub = $"{prefix}-s{rows / PerStudent / 2 + i}", role = "student", name = "Bench student" }));
        }

        callers.Add(await system.ServiceSignedInAsync(ResourceNames.NotificationsApi, new { sub = $"{prefix}-p", role = "partner", name = "Bench partner", org = "00000000-0000-4000-8000-000000000000" }));
        callers.Add(await system.ServiceSignedInAsync(ResourceNames.NotificationsApi, new { sub = $"{prefix}-c", role = "coordinator", name = "Bench coordinator" }));
        var samples = new List<double>();
        for (var round = 0; round < AsksPerCaller + 5; round++)
        {
            foreach (var caller in callers)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await caller.GetAsync("/api/notifications/summary");
                response.EnsureSuccessStatusCode();
                if (round >= 5)
                {
                    samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        foreach (var caller in callers)
        {
            caller.Dispose();
        }

        return new Figures(Percentiles.Of(samples, 0.50), Percentiles.Of(samples, 0.95), Percentiles.Of(samples, 0.99), samples.Count);
    }

    /// <summary>
    /// Stores <c>rows</c> notifications in one statement: a hundred per student (<c>{prefix}-s{n}</c>), the first 1%
    /// of rows for a hundred organizations (<c>00000000-0000-4000-8000-0000000000xx</c>), the next 0.2% for the coordinators; two in three of the students' read.
    /// </summary>
    public async Task SeedAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(await system.ConnectionStringAsync(ResourceNames.NotificationsDb));
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand("""
            WITH made AS (
                INSERT INTO notifications (id, recipient_kind, recipient_key, category, title, body, link, created_at, source_event_id)
                SELECT gen_random_uuid(),
                    CASE WHEN n <= @rows / 100 THEN 'organization' WHEN n <= @rows / 100 + @rows / 500 THEN 'role' ELSE 'person' END,
                    CASE WHEN n <= @rows / 100 THEN '00000000-0000-4000-8000-' || lpad(to_hex(n % 100), 12, '0')
                         WHEN n <= @rows / 100 + @rows / 500 THEN 'coordinator'
                         ELSE @prefix || '-s' || (n / @per) END,
                    'offer_received', 'Offer received: Bench listing ' || n, 'Accept or decline it by Friday.', '/applications',
                    now() - make_interval(secs => @rows - n), gen_random_uuid()
                FROM generate_series(1, @rows) AS n
                RETURNING id, recipient_kind, recipient_key)
            INSERT INTO notification_reads (notification_id, reader_id, read_at)
            SELECT id, recipient_key, now() FROM made WHERE recipient_kind = 'person' AND random() < 0.667
            """, connection);
        seed.Parameters.AddWithValue("rows", rows);
        seed.Parameters.AddWithValue("per", PerStudent);
        seed.Parameters.AddWithValue("prefix", prefix);
        seed.CommandTimeout = 600;
        await seed.ExecuteNonQueryAsync();
        await connection.ExecuteAsync("ANALYZE notifications; ANALYZE notification_reads");
    }
}
