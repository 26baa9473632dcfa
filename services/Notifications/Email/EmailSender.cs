using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Telemetry;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Email;

/// <summary>
/// Sends the queued emails that are due. A batch is claimed (<c>FOR UPDATE SKIP LOCKED</c>, each pushed a lease ahead)
/// in one transaction, sent outside any, and each outcome recorded the moment the server answers: replicas never send
/// one email at once, and only a crash between the server's accepting an email and that record sends it again (with
/// the same <c>Message-ID</c>).
/// </summary>
public sealed partial class EmailSender(
    NotificationsDbContext db, SmtpMailer mailer, TimeProvider clock, IOptions<EmailOptions> options, NotificationsMetrics metrics, ILogger<EmailSender> logger)
{
    /// <returns>How many emails were claimed: a full batch means more may be due.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.BatchSize;
        var leaseEnds = clock.GetUtcNow() + options.Value.SendLease;
        var (claimed, _) = await db.ClaimBatchAsync(
            () => db.OutgoingEmails.FromSql($"""
                SELECT * FROM outgoing_emails
                WHERE sent_at IS NULL AND failed_at IS NULL AND send_after <= {clock.GetUtcNow()}
                ORDER BY send_after LIMIT {batch}
                FOR UPDATE SKIP LOCKED
                """),
            (email, _) =>
            {
                email.Lease(leaseEnds);
                return Task.FromResult(true);
            },
            cancellationToken);
        if (claimed.Count > 0)
        {
            // An outcome is recorded even while the service stops: an accepted email left unrecorded would be sent again.
            await mailer.SendAsync(claimed, options.Value.SendLease, (email, result) => RecordAsync(email, result, CancellationToken.None), cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>Counts the emails still to send (due, leased or waiting for a retry) and the age of the oldest, for the gauges an alert watches.</summary>
    public async Task MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var waiting = db.OutgoingEmails.Where(e => e.SentAt == null && e.FailedAt == null);
        var backlog = await waiting.GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Oldest = g.Min(e => e.CreatedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        metrics.EmailBacklog(backlog?.Count ?? 0, backlog is null ? TimeSpan.Zero : now - backlog.Oldest);
    }

    /// <summary>Only the attempt this sender holds is recorded: past its lease another sender may have taken the email.</summary>
    private async Task RecordAsync(OutgoingEmail email, SendResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mine = db.OutgoingEmails.Where(e => e.Id == email.Id && e.Attempts == email.Attempts && e.SentAt == null);
        switch (result)
        {
            case SendResult.Accepted:
                await mine.ExecuteUpdateAsync(e => e.SetProperty(x => x.SentAt, now).SetProperty(x => x.LastError, (string?)null), cancellationToken);
                metrics.EmailSent(now - email.CreatedAt);
                break;
            case SendResult.Transient transient:
                var delay = RetryDelay(email.Attempts);
                var why = Storable(transient.Reason);
                await mine.ExecuteUpdateAsync(e => e.SetProperty(x => x.SendAfter, now + delay).SetProperty(x => x.LastError, why), cancellationToken);
                metrics.EmailRetried();
                LogRetry(email.Id, delay);
                break;
            case SendResult.Refused refused:
                var reason = Storable(refused.Reason);
                await mine.ExecuteUpdateAsync(e => e.SetProperty(x => x.FailedAt, now).SetProperty(x => x.LastError, reason), cancellationToken);
                metrics.EmailRefused();
                LogRefused(email.Id);
                break;
        }
    }

    /// <summary>A mail server's words as <c>last_error</c> holds them: no NUL (PostgreSQL refuses it), at most its length.</summary>
    private static string Storable(string reason)
    {
        var clean = reason.Replace("\0", "", StringComparison.Ordinal);
        return clean.Length <= OutgoingEmail.MaxErrorLength ? clean : clean[..OutgoingEmail.MaxErrorLength];
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = options.Value.FirstRetryDelay * Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }

    // The mail server's words can hold the address, which logs never do: they stay in outgoing_emails.last_error.
    [LoggerMessage(LogLevel.Warning, "Email {EmailId} was not sent (its last_error says why); it is tried again in {Delay}")]
    private partial void LogRetry(Guid emailId, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Email {EmailId} was refused by the mail server for good (its last_error says why)")]
    private partial void LogRefused(Guid emailId);
}
