using MassTransit;
using MicroInternships.Contracts.Events;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Reminders;

/// <summary>
/// Plans a registrant's reminder the day before the Institute while their registration holds a seat (confirmed or
/// promoted), and cancels it when it does not (waitlisted, cancelled). The event's start, from the directory, times it.
/// </summary>
internal static class InstituteReminders
{
    public static DateTimeOffset DueAt(InstituteEntry institute) => institute.StartsAt - TimeSpan.FromDays(1);

    public static (string Title, string Body) TextOf(InstituteEntry institute) =>
        ($"Tomorrow: {institute.Title}", $"It starts {Wording.Moment(institute.StartsAt, institute.TimeZone)} at {institute.Venue}.");

    public static async Task ApplyAsync(this NotificationsDbContext db, RegistrationSnapshot registration, Notifier notifier, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminder = await db.ReminderAsync(NotificationCategories.InstituteTomorrow, registration.RegistrationId, now, cancellationToken);
        if (registration.Status == "confirmed")
        {
            var institute = await notifier.InstituteAsync(registration.EventId, cancellationToken);
            var (title, body) = TextOf(institute);
            var text = new ReminderText(Recipient.Person(registration.AttendeeId), title, body, $"/events/{registration.EventId}");
            reminder.Plan(registration.Version, text, DueAt(institute), now, institute.Id);
        }
        else
        {
            reminder.Cancel(registration.Version);
        }
    }
}

public sealed class RegistrationConfirmedReminderConsumer(NotificationsDbContext db, Notifier notifier, TimeProvider clock, MessagingMetrics metrics, ILogger<RegistrationConfirmedReminderConsumer> logger)
    : InboxConsumer<RegistrationConfirmed, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<RegistrationConfirmed> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Registration, notifier, clock.GetUtcNow(), cancellationToken);
}

public sealed class RegistrationPromotedReminderConsumer(NotificationsDbContext db, Notifier notifier, TimeProvider clock, MessagingMetrics metrics, ILogger<RegistrationPromotedReminderConsumer> logger)
    : InboxConsumer<RegistrationPromoted, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<RegistrationPromoted> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Registration, notifier, clock.GetUtcNow(), cancellationToken);
}

public sealed class RegistrationCancelledReminderConsumer(NotificationsDbContext db, Notifier notifier, TimeProvider clock, MessagingMetrics metrics, ILogger<RegistrationCancelledReminderConsumer> logger)
    : InboxConsumer<RegistrationCancelled, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<RegistrationCancelled> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Registration, notifier, clock.GetUtcNow(), cancellationToken);
}
