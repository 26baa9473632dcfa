using MassTransit;
using MicroInternships.Contracts.Events;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Consumers.Reminders;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Notifications.Consumers.Directory;

/// <summary>Keeps each Institute event's title and start; a newer start moves the reminders of the day before. Takes replays.</summary>
public sealed class EventCreatedDirectoryConsumer(NotificationsDbContext db, TimeProvider clock, MessagingMetrics metrics, ILogger<EventCreatedDirectoryConsumer> logger)
    : InboxConsumer<EventCreated, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<EventCreated> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Event, clock.GetUtcNow(), cancellationToken);
}

public sealed class EventUpdatedDirectoryConsumer(NotificationsDbContext db, TimeProvider clock, MessagingMetrics metrics, ILogger<EventUpdatedDirectoryConsumer> logger)
    : InboxConsumer<EventUpdated, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<EventUpdated> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Event, clock.GetUtcNow(), cancellationToken);
}

internal static class InstituteDirectory
{
    public static async Task ApplyAsync(this NotificationsDbContext db, EventSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = await db.EntryAsync(snapshot.EventId, InstituteEntry.Create, cancellationToken);
        if (!entry.Apply(snapshot.Version, snapshot.Title, snapshot.Venue, snapshot.StartsAt, snapshot.TimeZone))
        {
            return;
        }

        var text = InstituteReminders.TextOf(entry);
        var pending = await db.Reminders.Where(r => r.EventId == entry.Id && r.Status == ReminderStatus.Pending).ToListAsync(cancellationToken);
        foreach (var reminder in pending)
        {
            reminder.Move(InstituteReminders.DueAt(entry), text.Title, text.Body, now);
        }
    }
}
