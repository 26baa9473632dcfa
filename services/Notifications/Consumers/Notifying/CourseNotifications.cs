using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Notifying;

/// <summary>Faculty: a partner asks them to build a listing into their course.</summary>
public sealed class CourseRequestMadeConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<CourseRequestMadeConsumer> logger)
    : InboxConsumer<CourseRequestMade, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CourseRequestMade> context, CancellationToken cancellationToken)
    {
        var request = context.Message.Request;
        var listing = await notifier.ListingAsync(request.ListingId, cancellationToken);
        var course = await notifier.CourseAsync(request.CourseId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Person(request.FacultyId), NotificationCategories.CourseRequestReceived, $"Course request for {course.Code}",
            $"A partner asks you to build \"{listing.Title}\" into {course.Code}.", "/course-requests", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Partner organization: the faculty member answered its course request.</summary>
public sealed class CourseRequestAnsweredConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<CourseRequestAnsweredConsumer> logger)
    : InboxConsumer<CourseRequestAnswered, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CourseRequestAnswered> context, CancellationToken cancellationToken)
    {
        var request = context.Message.Request;
        var listing = await notifier.ListingAsync(request.ListingId, cancellationToken);
        var course = await notifier.CourseAsync(request.CourseId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Organization(request.OrganizationId), NotificationCategories.CourseRequestAnswered, $"Course request {request.Status}: {course.Code}",
            $"Your request to build \"{listing.Title}\" into {course.Code} was {request.Status}.", "/course-requests", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Partner organization: a faculty member built its listing into a course.</summary>
public sealed class CourseListingLinkedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<CourseListingLinkedConsumer> logger)
    : InboxConsumer<CourseListingLinked, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CourseListingLinked> context, CancellationToken cancellationToken)
    {
        var linked = context.Message;
        var listing = await notifier.ListingAsync(linked.ListingId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Organization(listing.OrganizationId), NotificationCategories.ListingLinked, $"Linked into {linked.CourseCode}: {listing.Title}",
            $"{linked.FacultyName} built your listing into {linked.CourseCode}; its students can apply through the course.", $"/listings/{listing.Id}",
            context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Partner organization: its listing closed at its application deadline (closing it by hand or filling it is no news to them).</summary>
public sealed class ListingClosedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<ListingClosedConsumer> logger)
    : InboxConsumer<ListingClosed, NotificationsDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<ListingClosed> context, CancellationToken cancellationToken)
    {
        var (listing, reason) = (context.Message.Listing, context.Message.Reason);
        return reason != "deadline"
            ? Task.CompletedTask
            : notifier.NotifyAsync(
                Recipient.Organization(listing.OrganizationId), NotificationCategories.ListingClosed, $"Closed at its deadline: {listing.Title}",
                "The application deadline passed; applicants still waiting can be offered or declined.", $"/listings/{listing.ListingId}/applicants",
                context.MessageId!.Value, cancellationToken);
    }
}
