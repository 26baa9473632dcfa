using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Notifications.Consumers.Reminders;

internal static class ReminderPlans
{
    /// <summary>The reminder of <paramref name="category"/> for the aggregate, locked for this transaction, or a new one added.</summary>
    public static async Task<Reminder> ReminderAsync(
        this NotificationsDbContext db, string category, Guid aggregateId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = Reminder.KeyOf(category, aggregateId);
        var reminder = db.ChangeTracker.Entries<Reminder>().FirstOrDefault(e => e.Entity.Key == key)?.Entity
            ?? await db.Locked<Reminder>(RowLock.Update, (r => r.Key, key)).FirstOrDefaultAsync(cancellationToken);
        if (reminder is null)
        {
            reminder = Reminder.For(category, aggregateId, now);
            db.Reminders.Add(reminder);
        }

        return reminder;
    }
}
