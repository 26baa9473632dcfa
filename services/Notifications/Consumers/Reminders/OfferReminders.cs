using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Reminders;

/// <summary>
/// Plans the student's reminder 48 hours before an offer expires, and cancels it once the application moves on
/// (accepted, declined, withdrawn, rejected, expired). Every application event says where it stands, by version.
/// </summary>
internal static class OfferReminders
{
    public static readonly TimeSpan Before = TimeSpan.FromHours(48);

    public static async Task ApplyAsync(this NotificationsDbContext db, ApplicationSnapshot application, Wording wording, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminder = await db.ReminderAsync(NotificationCategories.OfferExpiring, application.ApplicationId, now, cancellationToken);
        if (application is { Status: "offered", OfferExpiresAt: { } expiresAt })
        {
            var text = new ReminderText(
                Recipient.Person(application.StudentId), "Your offer expires in 48 hours",
                $"Accept or decline it by {wording.Moment(expiresAt)}; unanswered, it lapses.", "/applications");
            reminder.Plan(application.Version, text, expiresAt - Before, now);
        }
        else
        {
            reminder.Cancel(application.Version);
        }
    }
}

public sealed class ApplicationOfferedReminderConsumer(NotificationsDbContext db, Wording wording, TimeProvider clock, MessagingMetrics metrics, ILogger<ApplicationOfferedReminderConsumer> logger)
    : InboxConsumer<ApplicationOffered, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ApplicationOffered> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Application, wording, clock.GetUtcNow(), cancellationToken);
}

public sealed class ApplicationAcceptedReminderConsumer(NotificationsDbContext db, Wording wording, TimeProvider clock, MessagingMetrics metrics, ILogger<ApplicationAcceptedReminderConsumer> logger)
    : InboxConsumer<ApplicationAccepted, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ApplicationAccepted> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Application, wording, clock.GetUtcNow(), cancellationToken);
}

public sealed class ApplicationDeclinedReminderConsumer(NotificationsDbContext db, Wording wording, TimeProvider clock, MessagingMetrics metrics, ILogger<ApplicationDeclinedReminderConsumer> logger)
    : InboxConsumer<ApplicationDeclined, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ApplicationDeclined> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Application, wording, clock.GetUtcNow(), cancellationToken);
}

public sealed class ApplicationWithdrawnReminderConsumer(NotificationsDbContext db, Wording wording, TimeProvider clock, MessagingMetrics metrics, ILogger<ApplicationWithdrawnReminderConsumer> logger)
    : InboxConsumer<ApplicationWithdrawn, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ApplicationWithdrawn> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Application, wording, clock.GetUtcNow(), cancellationToken);
}

public sealed class ApplicationRejectedReminderConsumer(NotificationsDbContext db, Wording wording, TimeProvider clock, MessagingMetrics metrics, ILogger<ApplicationRejectedReminderConsumer> logger)
    : InboxConsumer<ApplicationRejected, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ApplicationRejected> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Application, wording, clock.GetUtcNow(), cancellationToken);
}

public sealed class ApplicationExpiredReminderConsumer(NotificationsDbContext db, Wording wording, TimeProvider clock, MessagingMetrics metrics, ILogger<ApplicationExpiredReminderConsumer> logger)
    : InboxConsumer<ApplicationExpired, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ApplicationExpired> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Application, wording, clock.GetUtcNow(), cancellationToken);
}
