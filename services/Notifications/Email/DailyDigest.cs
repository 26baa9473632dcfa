using MicroInternships.Notifications.Apis;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.People;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Email;

/// <summary>
/// Once a day, from <see cref="EmailOptions.DigestHour"/> in the program's time zone, gathers each person's unread
/// notifications of the categories they get daily, made since that hour the day before, into one email. It waits
/// <see cref="EmailOptions.DigestGrace"/> past the hour, so a notification stamped just before it has committed. The day is
/// claimed in <c>digest_days</c> in the transaction that queues its emails: however many replicas look, and however
/// often, a day's digest is made once, and a crash half-way leaves it to be made whole.
/// </summary>
public sealed partial class DailyDigest(
    NotificationsDbContext db, EmailComposer composer, ProgramCalendar calendar, TimeProvider clock,
    IOptions<EmailOptions> options, JobWakeUp<EmailSendingJob> sender, ILogger<DailyDigest> logger)
{
    /// <returns>How many digests were queued (0 before the hour, and once the day's are made).</returns>
    public async Task<int> MakeDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = calendar.DateOf(now);
        var hour = DigestMoment(day);
        if (!options.Value.Enabled || now < hour + options.Value.DigestGrace)
        {
            return 0;
        }

        var queued = await db.InTransactionAsync(async ct =>
        {
            var claimed = await db.Database.ExecuteSqlAsync($"INSERT INTO digest_days (day, made_at) VALUES ({day}, {now}) ON CONFLICT DO NOTHING", ct);
            if (claimed == 0)
            {
                return 0;
            }

            var digests = await QueueDigestsAsync(day, DigestMoment(day.AddDays(-1)), hour, ct);
            db.AfterCommit(() => LogMade(day, digests));
            return digests;
        }, cancellationToken);
        if (queued > 0)
        {
            sender.Notify();
        }

        return queued;
    }

    private async Task<int> QueueDigestsAsync(DateOnly day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().Where(p => p.Email != null).ToListAsync(cancellationToken);
        var preferences = (await db.EmailPreferences.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(p => p.Subject);
        var queued = 0;
        foreach (var person in people)
        {
            var daily = EmailDefaults.Merge(preferences[person.Subject])
                .Where(choice => choice.Email && choice.Delivery == EmailDelivery.Daily)
                .Select(choice => choice.Category)
                .ToArray();
            if (daily.Length == 0)
            {
                continue;
            }

            var reader = new Caller(person.Subject, person.Role, person.Name, person.OrganizationId);
            var unread = await db.Notifications.AsNoTracking()
                .VisibleTo(reader)
                .UnreadBy(db, person.Subject)
                .Where(n => n.CreatedAt > from && n.CreatedAt <= to && daily.Contains(n.Category))
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .ToListAsync(cancellationToken);
            if (unread.Count > 0)
            {
                db.OutgoingEmails.Add(OutgoingEmail.Compose(
                    OutgoingEmail.KeyOfDigest(day, person.Subject), person.Subject, person.Email!, UnsubscribeLinks.DailyDigest,
                    composer.Digest(unread, day, person.Subject), clock.GetUtcNow()));
                queued++;
            }
        }

        return queued;
    }

    /// <summary>The digest's hour on <paramref name="day"/>, as an instant; on a day the clocks skip that hour, the hour after.</summary>
    private DateTimeOffset DigestMoment(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(options.Value.DigestHour, 0));
        while (calendar.TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    [LoggerMessage(LogLevel.Information, "The digest of {Day}: {Count} emails queued")]
    private partial void LogMade(DateOnly day, int count);
}
