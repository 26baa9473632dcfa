using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Notifications.Consumers.Notifying;

/// <summary>Partner organization: work to review, and the date it is approved automatically if nobody does.</summary>
public sealed class PlacementSubmittedConsumer(NotificationsDbContext db, Notifier notifier, Wording wording, MessagingMetrics metrics, ILogger<PlacementSubmittedConsumer> logger)
    : InboxConsumer<PlacementSubmitted, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementSubmitted> context, CancellationToken cancellationToken)
    {
        var placement = context.Message.Placement;
        var listing = await notifier.ListingAsync(placement.ListingId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Organization(placement.OrganizationId), NotificationCategories.WorkSubmitted, $"Work submitted: {listing.Title}",
            $"{placement.StudentName} submitted the work. Unreviewed, it is approved automatically on {wording.Day(context.Message.AutoApprovesAt)}.",
            $"/placements/{placement.PlacementId}", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Student: the partner sent the work back with what to change.</summary>
public sealed class PlacementRevisionRequestedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PlacementRevisionRequestedConsumer> logger)
    : InboxConsumer<PlacementRevisionRequested, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementRevisionRequested> context, CancellationToken cancellationToken)
    {
        var placement = context.Message.Placement;
        var listing = await notifier.ListingAsync(placement.ListingId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Person(placement.StudentId), NotificationCategories.RevisionRequested, $"Revision requested: {listing.Title}",
            "The partner asked for changes; their note is on the placement.", $"/placements/{placement.PlacementId}",
            context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Student: the work is approved (by the partner, or automatically); the course's faculty member: a placement in their course completed.</summary>
public sealed class PlacementCompletedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PlacementCompletedConsumer> logger)
    : InboxConsumer<PlacementCompleted, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementCompleted> context, CancellationToken cancellationToken)
    {
        var (placement, id) = (context.Message.Placement, context.MessageId!.Value);
        var listing = await notifier.ListingAsync(placement.ListingId, cancellationToken);
        var how = context.Message.AutoApproved ? "was approved automatically after the review period" : "was approved by the partner";
        await notifier.NotifyAsync(
            Recipient.Person(placement.StudentId), NotificationCategories.WorkApproved, $"Work approved: {listing.Title}",
            $"Your work {how}; your payout is on its way.", $"/placements/{placement.PlacementId}", id, cancellationToken);
        if (placement.CourseId is { } courseId)
        {
            var course = await notifier.CourseAsync(courseId, cancellationToken);
            await notifier.NotifyAsync(
                Recipient.Person(course.FacultyId), NotificationCategories.PlacementCompleted, $"Placement completed in {course.Code}",
                $"{placement.StudentName} completed \"{listing.Title}\".", $"/courses/{courseId}", id, cancellationToken);
        }
    }
}

/// <summary>Student: what a cancelled placement's settlement decided they are paid.</summary>
public sealed class PlacementSettledConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PlacementSettledConsumer> logger)
    : InboxConsumer<PlacementSettled, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementSettled> context, CancellationToken cancellationToken)
    {
        var (placement, settled) = (context.Message.Placement, context.Message);
        var listing = await notifier.ListingAsync(placement.ListingId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Person(placement.StudentId), NotificationCategories.SettlementMade, $"Settlement final: {listing.Title}",
            $"The cancelled placement is settled at {Wording.Money(settled.PayableCents, placement.Currency)}.", $"/placements/{placement.PlacementId}",
            context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Student: the partner settled below the proposal, which they may dispute for a while.</summary>
public sealed class PlacementSettlementDisputableConsumer(NotificationsDbContext db, Notifier notifier, Wording wording, MessagingMetrics metrics, ILogger<PlacementSettlementDisputableConsumer> logger)
    : InboxConsumer<PlacementSettlementDisputable, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementSettlementDisputable> context, CancellationToken cancellationToken)
    {
        var (placement, settled) = (context.Message.Placement, context.Message);
        var listing = await notifier.ListingAsync(placement.ListingId, cancellationToken);
        var proposed = placement.ProposedPayableCents is { } cents ? $" (the proposal was {Wording.Money(cents, placement.Currency)})" : "";
        await notifier.NotifyAsync(
            Recipient.Person(placement.StudentId), NotificationCategories.SettlementMade, $"Settlement made: {listing.Title}",
            $"The partner settled at {Wording.Money(settled.PayableCents, placement.Currency)}{proposed}. Dispute it by {wording.Moment(settled.DisputableUntil)} if it is not fair; undisputed, it is final then.",
            $"/placements/{placement.PlacementId}", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Student and coordinators: a cancelled placement's settlement is the coordinators' to decide now.</summary>
public sealed class PlacementSettlementEscalatedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PlacementSettlementEscalatedConsumer> logger)
    : InboxConsumer<PlacementSettlementEscalated, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementSettlementEscalated> context, CancellationToken cancellationToken)
    {
        var (placement, id) = (context.Message.Placement, context.MessageId!.Value);
        var listing = await notifier.ListingAsync(placement.ListingId, cancellationToken);
        var why = context.Message.Reason == "disputed" ? "the student disputed the partner's settlement" : "the partner did not settle in time";
        await notifier.NotifyAsync(
            Recipient.Person(placement.StudentId), NotificationCategories.SettlementEscalated, $"Settlement escalated: {listing.Title}",
            "A coordinator will decide what you are paid for the cancelled placement.", $"/placements/{placement.PlacementId}", id, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Role(Roles.Coordinator), NotificationCategories.SettlementEscalated, $"A settlement to decide: {listing.Title}",
            $"The placement with {placement.StudentName} was cancelled and {why}.", "/settlements", id, cancellationToken);
    }
}

/// <summary>Partner organization: a cancelled placement waits for them to settle the hours already worked.</summary>
public sealed class PlacementCancelledConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PlacementCancelledConsumer> logger)
    : InboxConsumer<PlacementCancelled, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementCancelled> context, CancellationToken cancellationToken)
    {
        var placement = context.Message.Placement;
        if (placement.Settlement != "pending")
        {
            return;
        }

        var listing = await notifier.ListingAsync(placement.ListingId, cancellationToken);
        var proposed = placement.ProposedPayableCents is { } cents ? $" The proposal is {Wording.Money(cents, placement.Currency)}." : "";
        await notifier.NotifyAsync(
            Recipient.Organization(placement.OrganizationId), NotificationCategories.SettlementWaiting, $"Settlement waiting: {listing.Title}",
            $"The placement with {placement.StudentName} was cancelled; settle the hours worked.{proposed}", "/settlements",
            context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Student: both sides' feedback on a completed placement is now visible.</summary>
public sealed class FeedbackRevealedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<FeedbackRevealedConsumer> logger)
    : InboxConsumer<FeedbackRevealed, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<FeedbackRevealed> context, CancellationToken cancellationToken)
    {
        var revealed = context.Message;
        var placement = await notifier.PlacementAsync(revealed.PlacementId, cancellationToken);
        var listing = await notifier.ListingAsync(placement.ListingId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Person(revealed.StudentId), NotificationCategories.FeedbackRevealed, $"Feedback revealed: {listing.Title}",
            "The partner's feedback on your placement is ready to read.", $"/placements/{revealed.PlacementId}", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Faculty: a student in their course shared a reflection on their placement.</summary>
public sealed class ReflectionAddedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<ReflectionAddedConsumer> logger)
    : InboxConsumer<ReflectionAdded, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ReflectionAdded> context, CancellationToken cancellationToken)
    {
        if (context.Message.AuthorRole != "student")
        {
            return;
        }

        var placement = await notifier.PlacementAsync(context.Message.PlacementId, cancellationToken);
        if (placement.CourseId is not { } courseId)
        {
            return;
        }

        var course = await notifier.CourseAsync(courseId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Person(course.FacultyId), NotificationCategories.ReflectionShared, $"Reflection shared in {course.Code}",
            $"{placement.StudentName} wrote a reflection on their placement.", $"/placements/{placement.Id}", context.MessageId!.Value, cancellationToken);
    }
}
