using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Notifying;

/// <summary>Partner organization: a student applied to one of its listings.</summary>
public sealed class ApplicationSubmittedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<ApplicationSubmittedConsumer> logger)
    : InboxConsumer<ApplicationSubmitted, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ApplicationSubmitted> context, CancellationToken cancellationToken)
    {
        var application = context.Message.Application;
        var listing = await notifier.ListingAsync(application.ListingId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Organization(application.OrganizationId), NotificationCategories.ApplicationReceived, $"New application: {listing.Title}",
            $"{application.StudentName} applied.", $"/listings/{listing.Id}/applicants", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Student: an offer to answer before it expires.</summary>
public sealed class ApplicationOfferedConsumer(NotificationsDbContext db, Notifier notifier, Wording wording, MessagingMetrics metrics, ILogger<ApplicationOfferedConsumer> logger)
    : InboxConsumer<ApplicationOffered, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ApplicationOffered> context, CancellationToken cancellationToken)
    {
        var application = context.Message.Application;
        var listing = await notifier.ListingAsync(application.ListingId, cancellationToken);
        var answerBy = application.OfferExpiresAt is { } expiresAt ? $"Accept or decline it by {wording.Moment(expiresAt)}." : "Accept or decline it.";
        await notifier.NotifyAsync(
            Recipient.Person(application.StudentId), NotificationCategories.OfferReceived, $"Offer received: {listing.Title}",
            answerBy, "/applications", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Partner organization: the student took the offer; the placement starts.</summary>
public sealed class ApplicationAcceptedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<ApplicationAcceptedConsumer> logger)
    : InboxConsumer<ApplicationAccepted, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ApplicationAccepted> context, CancellationToken cancellationToken)
    {
        var application = context.Message.Application;
        var listing = await notifier.ListingAsync(application.ListingId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Organization(application.OrganizationId), NotificationCategories.OfferAccepted, $"Offer accepted: {listing.Title}",
            $"{application.StudentName} accepted; the placement has started.", "/placements", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Partner organization: the student turned the offer down.</summary>
public sealed class ApplicationDeclinedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<ApplicationDeclinedConsumer> logger)
    : InboxConsumer<ApplicationDeclined, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ApplicationDeclined> context, CancellationToken cancellationToken)
    {
        var application = context.Message.Application;
        var listing = await notifier.ListingAsync(application.ListingId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Organization(application.OrganizationId), NotificationCategories.OfferDeclined, $"Offer declined: {listing.Title}",
            $"{application.StudentName} declined; the opening is yours to offer again.", $"/listings/{listing.Id}/applicants",
            context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Student: not chosen this time.</summary>
public sealed class ApplicationRejectedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<ApplicationRejectedConsumer> logger)
    : InboxConsumer<ApplicationRejected, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ApplicationRejected> context, CancellationToken cancellationToken)
    {
        var application = context.Message.Application;
        var listing = await notifier.ListingAsync(application.ListingId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Person(application.StudentId), NotificationCategories.ApplicationRejected, $"Not selected: {listing.Title}",
            "The partner chose another applicant this time. Other listings are open.", "/listings", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>
/// An offer lapsed unanswered: the student and the organization both hear of it. An application that lapses before
/// any offer (its listing closed) is news to nobody.
/// </summary>
public sealed class ApplicationExpiredConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<ApplicationExpiredConsumer> logger)
    : InboxConsumer<ApplicationExpired, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ApplicationExpired> context, CancellationToken cancellationToken)
    {
        var application = context.Message.Application;
        if (application.OfferedAt is null)
        {
            return;
        }

        var listing = await notifier.ListingAsync(application.ListingId, cancellationToken);
        var id = context.MessageId!.Value;
        await notifier.NotifyAsync(
            Recipient.Person(application.StudentId), NotificationCategories.OfferExpired, $"Offer expired: {listing.Title}",
            "It was not answered in time.", "/applications", id, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Organization(application.OrganizationId), NotificationCategories.OfferExpired, $"Offer expired: {listing.Title}",
            $"{application.StudentName} did not answer in time; the opening is yours to offer again.", $"/listings/{listing.Id}/applicants", id, cancellationToken);
    }
}
