using MicroInternships.Notifications.Consumers;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using MicroInternships.Notifications.Telemetry;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Notifications.Jobs;

/// <summary>
/// Sends the reminders that are due: each claimed by one replica (<c>FOR UPDATE SKIP LOCKED</c>), marked sent and
/// turned into its notification in one transaction, so a reminder is sent once however many replicas sweep.
/// </summary>
public sealed class ReminderSweeper(NotificationsDbContext db, Notifier notifier, TimeProvider clock, NotificationsMetrics metrics)
{
    private const int BatchSize = 200;

    /// <returns>How many reminders were sent.</returns>
    public Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.InClaimedBatchesAsync(
            BatchSize,
            () => db.Reminders.FromSql($"""
                SELECT * FROM reminders WHERE status = 'pending' AND due_at <= {now}
                ORDER BY due_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """),
            async (reminder, ct) =>
            {
                reminder.MarkSent();
                await notifier.NotifyAsync(reminder.Recipient, reminder.Category, reminder.Title, reminder.Body, reminder.Link, reminder.OccurrenceId, ct);
                db.AfterCommit(() => metrics.ReminderSent(reminder.Category));
                return true;
            },
            cancellationToken);
    }
}
