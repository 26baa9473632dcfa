using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Payments;
using MicroInternships.Contracts.Placements;
using MicroInternships.Hosting;
using Npgsql;

namespace MicroInternships.Journeys.Bench;

/// <summary>
/// A program's history written straight into its publishers' event logs, as if it had happened over two years before
/// Insights existed: 100 courses in 10 departments, a listing for every 50 placements across 200 organizations (two in
/// three linked to a course), each placement's application, offer and start, four in five completed with hours logged
/// and a payout opened and paid, three in four of those rated. A student for every 1.6 placements, so some return.
/// Ids are md5 hashes of a prefix and the row number, so nothing collides with the system's own.
/// </summary>
internal sealed class InsightsHistory(RunningSystem system, int placements, string prefix)
{
    public int Listings => Math.Max(1, placements / 50);

    public int Completed => placements - placements / 5;

    public int Paid => Completed;

    /// <returns>How many events it wrote: what a rebuild replays.</returns>
    public async Task<int> WriteAsync()
    {
        var events = await WriteAsync(ResourceNames.ListingsDb, $"""
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<CourseCreated>()}', jsonb_build_object('course', jsonb_build_object(
                'courseId', md5(@prefix || 'c' || c)::uuid, 'version', 1, 'facultyId', 'f-bench-' || c, 'facultyName', 'Bench faculty',
                'code', 'BEN ' || c, 'title', 'Bench course', 'term', 'Fall 2025', 'disciplines', '[]'::jsonb, 'skills', '[]'::jsonb,
                'enrollment', 30, 'department', 'Department ' || (c % 10)), 'occurredAt', @start)
            FROM generate_series(0, 99) AS c;
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<ListingPublished>()}', jsonb_build_object('listing', jsonb_build_object(
                'listingId', md5(@prefix || 'l' || l)::uuid, 'version', 2, 'status', 'open', 'organizationId', md5(@prefix || 'o' || (l % 200))::uuid,
                'organizationName', 'Bench Co ' || (l % 200), 'title', 'Bench listing ' || l, 'openings', 50,
                'applicationDeadline', @start + make_interval(days => 700), 'amountCents', 40000, 'currency', 'USD', 'estimatedHours', 20,
                'fundId', null, 'courseIds', CASE WHEN l % 3 = 0 THEN '[]'::jsonb ELSE jsonb_build_array(md5(@prefix || 'c' || (l % 100))::uuid) END,
                'discipline', 'Discipline ' || (l % 7), 'publishedAt', @start + make_interval(secs => l * 60.0)), 'occurredAt', @start + make_interval(secs => l * 60.0))
            FROM generate_series(0, @listings - 1) AS l;
            """);

        // Placement n: listing n % listings, student n % (placements * 5 / 8), started at an even pace over two years.
        const string Row = """
            FROM (SELECT n, md5(@prefix || 'p' || n)::uuid AS placement, md5(@prefix || 'a' || n)::uuid AS application,
                         md5(@prefix || 'l' || (n % @listings))::uuid AS listing, md5(@prefix || 'o' || ((n % @listings) % 200))::uuid AS organization,
                         CASE WHEN (n % @listings) % 3 = 0 THEN NULL ELSE md5(@prefix || 'c' || ((n % @listings) % 100))::uuid END AS course,
                         'bench-' || @prefix || '-' || (n % (@placements * 5 / 8)) AS student,
                         @start + make_interval(secs => n * (63072000.0 / @placements)) AS started,
                         @start + make_interval(secs => n * (63072000.0 / @placements)) + make_interval(days => 5 + n % 20) AS completed
                  FROM generate_series(0, @placements - 1) AS n) p
            """;
        const string Placement = """
            jsonb_build_object('placementId', p.placement, 'version', {0}, 'listingId', p.listing, 'studentId', p.student, 'studentName', 'Bench student',
                'organizationId', p.organization, 'courseId', p.course, 'fundId', null, 'amountCents', 40000, 'currency', 'USD', 'filledCount', 1,
                'openings', 50, 'status', '{1}', 'settlement', 'none', 'proposedPayableCents', null, 'payableCents', null)
            """;
        const string Application = """
            jsonb_build_object('applicationId', p.application, 'version', {0}, 'listingId', p.listing, 'organizationId', p.organization,
                'studentId', p.student, 'studentName', 'Bench student', 'courseId', p.course, 'status', '{1}', 'amountCents', 40000, 'currency', 'USD',
                'estimatedHours', 20, 'submittedAt', p.started - interval '3 days', 'offeredAt', {2}, 'offerExpiresAt', null, 'decidedAt', null)
            """;
        events += await WriteAsync(ResourceNames.PlacementsDb, $"""
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<ApplicationSubmitted>()}', jsonb_build_object('application', {string.Format(Application, 1, "submitted", "null")}, 'occurredAt', p.started - interval '3 days') {Row};
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<ApplicationOffered>()}', jsonb_build_object('application', {string.Format(Application, 2, "offered", "p.started - interval '1 day'")}, 'occurredAt', p.started - interval '1 day') {Row};
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<PlacementStarted>()}', jsonb_build_object('placement', {string.Format(Placement, 1, "active")}, 'occurredAt', p.started) {Row};
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<TimeEntryLogged>()}', jsonb_build_object('placementId', p.placement, 'version', 2, 'timeEntryId', md5(@prefix || 't' || n)::uuid,
                'date', (p.started + interval '2 days')::date, 'hours', 18 + n % 5, 'loggedHours', 18 + n % 5, 'estimatedHours', 20, 'occurredAt', p.started + interval '2 days')
            {Row} WHERE n % 5 <> 0;
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<PlacementCompleted>()}', jsonb_build_object('placement', {string.Format(Placement, 4, "completed")}, 'autoApproved', n % 9 = 0, 'occurredAt', p.completed)
            {Row} WHERE n % 5 <> 0;
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<FeedbackRevealed>()}', jsonb_build_object('placementId', p.placement, 'version', 5, 'studentId', p.student,
                'organizationId', p.organization, 'partnerRating', 1 + n % 5, 'studentRating', 1 + (n / 5) % 5, 'occurredAt', p.completed + interval '1 day')
            {Row} WHERE n % 5 <> 0 AND n % 4 <> 0;
            """);

        const string Payout = """
            jsonb_build_object('payoutId', md5(@prefix || 'y' || n)::uuid, 'version', {0}, 'placementId', p.placement, 'studentId', p.student,
                'organizationId', p.organization, 'amountCents', 40000, 'currency', 'USD', 'fundId', null, 'status', '{1}', 'attempt', 1,
                'failureReason', null, 'flagged', false, 'paidAt', {2})
            """;
        events += await WriteAsync(ResourceNames.PaymentsDb, $"""
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<PayoutOpened>()}', jsonb_build_object('payout', {string.Format(Payout, 1, "pending", "null")}, 'occurredAt', p.completed) {Row} WHERE n % 5 <> 0;
            INSERT INTO event_log (message_id, message_type, payload)
            SELECT gen_random_uuid(), '{Type<PayoutPaid>()}', jsonb_build_object('payoutId', md5(@prefix || 'y' || n)::uuid, 'version', 2, 'placementId', p.placement,
                'attempt', 1, 'amountCents', 40000, 'currency', 'USD', 'occurredAt', p.completed + interval '2 days',
                'payout', {string.Format(Payout, 2, "paid", "p.completed + interval '2 days'")}) {Row} WHERE n % 5 <> 0;
            """);
        return events;
    }

    /// <summary>Whether Insights holds the whole history: every placement started and completed, and every payout paid.</summary>
    public async Task<bool> LearnedAsync(NpgsqlConnection insights) =>
        await insights.ScalarAsync<long>($"""
            SELECT (SELECT count(*) FILTER (WHERE completed_at IS NOT NULL) + count(*) FROM placement_facts WHERE started_at IS NOT NULL AND student_id LIKE 'bench-{prefix}-%')
                 + (SELECT count(*) FROM payout_facts WHERE status = 'paid' AND student_id LIKE 'bench-{prefix}-%')
            """) == Completed + Paid + placements;

    private static string Type<T>() => $"{typeof(T).FullName}, {typeof(T).Assembly.GetName().Name}";

    private async Task<int> WriteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(await system.ConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 900 };
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("placements", placements);
        command.Parameters.AddWithValue("listings", Listings);
        command.Parameters.AddWithValue("start", new DateTimeOffset(2024, 9, 2, 16, 0, 0, TimeSpan.Zero));
        return await command.ExecuteNonQueryAsync();
    }
}
