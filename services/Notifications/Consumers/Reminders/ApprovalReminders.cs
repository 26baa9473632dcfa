using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Reminders;

/// <summary>
/// Plans the organization's reminder 3 days before submitted work is approved automatically, and cancels it when the
/// work is reviewed (approved, sent back) or the placement cancelled. A resubmission plans it again.
/// </summary>
internal static class ApprovalReminders
{
    public static readonly TimeSpan Before = TimeSpan.FromDays(3);

    public static async Task PlanAsync(this NotificationsDbContext db, PlacementSubmitted submitted, Wording wording, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var placement = submitted.Placement;
        var text = new ReminderText(
            Recipient.Organization(placement.OrganizationId), $"Review {placement.StudentName}'s work within 3 days",
            $"Unreviewed, it is approved automatically on {wording.Day(submitted.AutoApprovesAt)}.", $"/placements/{placement.PlacementId}");
        var reminder = await db.ReminderAsync(NotificationCategories.ApprovalDue, placement.PlacementId, now, cancellationToken);
        reminder.Plan(placement.Version, text, submitted.AutoApprovesAt - Before, now);
    }

    public static async Task CancelAsync(this NotificationsDbContext db, PlacementSnapshot placement, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.ReminderAsync(NotificationCategories.ApprovalDue, placement.PlacementId, now, cancellationToken)).Cancel(placement.Version);
}

public sealed class PlacementSubmittedReminderConsumer(NotificationsDbContext db, Wording wording, TimeProvider clock, MessagingMetrics metrics, ILogger<PlacementSubmittedReminderConsumer> logger)
    : InboxConsumer<PlacementSubmitted, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PlacementSubmitted> context, CancellationToken cancellationToken) =>
        Db.PlanAsync(context.Message, wording, clock.GetUtcNow(), cancellationToken);
}

public sealed class PlacementCompletedReminderConsumer(NotificationsDbContext db, TimeProvider clock, MessagingMetrics metrics, ILogger<PlacementCompletedReminderConsumer> logger)
    : InboxConsumer<PlacementCompleted, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PlacementCompleted> context, CancellationToken cancellationToken) =>
        Db.CancelAsync(context.Message.Placement, clock.GetUtcNow(), cancellationToken);
}

public sealed class PlacementRevisionRequestedReminderConsumer(NotificationsDbContext db, TimeProvider clock, MessagingMetrics metrics, ILogger<PlacementRevisionRequestedReminderConsumer> logger)
    : InboxConsumer<PlacementRevisionRequested, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PlacementRevisionRequested> context, CancellationToken cancellationToken) =>
        Db.CancelAsync(context.Message.Placement, clock.GetUtcNow(), cancellationToken);
}

public sealed class PlacementCancelledReminderConsumer(NotificationsDbContext db, TimeProvider clock, MessagingMetrics metrics, ILogger<PlacementCancelledReminderConsumer> logger)
    : InboxConsumer<PlacementCancelled, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PlacementCancelled> context, CancellationToken cancellationToken) =>
        Db.CancelAsync(context.Message.Placement, clock.GetUtcNow(), cancellationToken);
}
