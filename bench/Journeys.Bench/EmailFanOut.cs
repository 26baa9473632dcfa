using System.Diagnostics;
using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Hosting;
using Npgsql;

namespace MicroInternships.Journeys.Bench;

/// <summary>
/// A burst of <c>applications</c> to an organization whose <c>partners</c> all want each one by email at once, beside
/// the same burst to an organization whose partners have no address (the baseline, same run): how fast notifications
/// are made when each also queues its emails in its transaction, how fast the emails then reach the AppHost's mail
/// server (smtp4dev), and how long each waited, queued to accepted.
/// </summary>
internal sealed class EmailFanOut(RunningSystem system, int applications, int partners)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(10);

    public sealed record Run(double MadePerSecondWithout, double MadePerSecondWith, double EmailsPerSecond, double WaitP50, double WaitP99, long Emails);

    public async Task<Run> MeasureAsync(int run)
    {
        await using var db = new NpgsqlConnection(await system.ConnectionStringAsync(ResourceNames.NotificationsDb));
        await db.OpenAsync();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(system.MessagingUri)));
        await bus.StartAsync();
        try
        {
            var without = await OrganizationAsync(db, withAddresses: false);
            var (madeWithout, _) = await BurstAsync(db, bus, without, emails: false);
            var with = await OrganizationAsync(db, withAddresses: true);
            var (madeWith, sentAfter) = await BurstAsync(db, bus, with, emails: true);

            var emails = (long)applications * partners;
            var waits = await WaitsAsync(db, with.Organization);
            var result = new Run(applications / madeWithout, applications / madeWith, emails / sentAfter,
                Percentiles.Of(waits, 0.5), Percentiles.Of(waits, 0.99), emails);
            Console.WriteLine($"  run {run}: {applications:N0} applications made notifications at {result.MadePerSecondWithout:N0}/s without email and " +
                              $"{result.MadePerSecondWith:N0}/s queuing {partners} emails each; {emails:N0} emails accepted by the mail server at " +
                              $"{result.EmailsPerSecond:N0}/s; wait p50 {result.WaitP50:F2} s, p99 {result.WaitP99:F2} s");
            return result;
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private sealed record Target(Guid Organization, Guid Listing);

    /// <summary>An organization with a listing and partners as the people directory records them from their tokens.</summary>
    private async Task<Target> OrganizationAsync(NpgsqlConnection db, bool withAddresses)
    {
        var (organization, listing) = (Guid.NewGuid(), Guid.NewGuid());
        await db.ExecuteAsync($"INSERT INTO listings (id, version, organization_id, title) VALUES ('{listing}', 1, '{organization}', 'Email bench listing')");
        for (var partner = 0; partner < partners; partner++)
        {
            var subject = $"p-email-{organization:N}-{partner}";
            var email = withAddresses ? $"'{subject}@bench.example'" : "NULL";
            await db.ExecuteAsync($"""
                INSERT INTO people (subject, email, name, role, organization_id, token_issued_at)
                VALUES ('{subject}', {email}, 'Bench partner', 'partner', '{organization}', now());
                INSERT INTO email_preferences (subject, category, email, delivery, updated_at)
                VALUES ('{subject}', 'application_received', true, 'immediate', now());
                """);
        }

        return new Target(organization, listing);
    }

    /// <returns>Seconds until every application was a notification, and until every email was sent (0 without email).</returns>
    private async Task<(double Made, double Sent)> BurstAsync(NpgsqlConnection db, IBusControl bus, Target target, bool emails)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, applications).Select(_ => bus.Publish(Submitted(target))));
        var made = $"SELECT count(*) FROM notifications WHERE recipient_kind = 'organization' AND recipient_key = '{target.Organization}'";
        await UntilAsync(db, made, applications, started);
        var madeAfter = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (!emails)
        {
            return (madeAfter, 0);
        }

        var sent = $"SELECT count(*) FROM outgoing_emails WHERE recipient_subject LIKE 'p-email-{target.Organization:N}-%' AND sent_at IS NOT NULL";
        await UntilAsync(db, sent, (long)applications * partners, started);
        return (madeAfter, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task UntilAsync(NpgsqlConnection db, string count, long expected, long started)
    {
        while (await db.ScalarAsync<long>(count) < expected)
        {
            if (Stopwatch.GetElapsedTime(started) > _timeout)
            {
                throw new TimeoutException($"{await db.ScalarAsync<long>(count)} of {expected} after {_timeout}: {count}");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<List<double>> WaitsAsync(NpgsqlConnection db, Guid organization)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT EXTRACT(EPOCH FROM sent_at - created_at)::float8 FROM outgoing_emails WHERE recipient_subject LIKE 'p-email-{organization:N}-%'", db);
        await using var reader = await command.ExecuteReaderAsync();
        var waits = new List<double>();
        while (await reader.ReadAsync())
        {
            waits.Add(reader.GetDouble(0));
        }

        return waits;
    }

    private static ApplicationSubmitted Submitted(Target target) => new(
        new ApplicationSnapshot(
            Guid.NewGuid(), 1, target.Listing, target.Organization, $"s-email-{Guid.NewGuid():N}", "Bench Student", null, "submitted", 40_000, "USD", 20,
            DateTimeOffset.UtcNow, null, null, null),
        DateTimeOffset.UtcNow);
}
