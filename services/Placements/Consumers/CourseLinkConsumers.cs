using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Consumers;

public sealed class CourseListingLinkedConsumer(PlacementsDbContext db, MessagingMetrics metrics, ILogger<CourseListingLinkedConsumer> logger)
    : InboxConsumer<CourseListingLinked, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override async Task HandleAsync(ConsumeContext<CourseListingLinked> context, CancellationToken cancellationToken)
    {
        var e = context.Message;
        var link = await Db.LockCourseLinkAsync(e.CourseId, e.ListingId, cancellationToken);
        link.Apply(linked: true, e.FacultyId, e.FacultyName, e.CourseCode, e.Version, e.OccurredAt);
    }
}

public sealed class CourseListingUnlinkedConsumer(PlacementsDbContext db, MessagingMetrics metrics, ILogger<CourseListingUnlinkedConsumer> logger)
    : InboxConsumer<CourseListingUnlinked, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override async Task HandleAsync(ConsumeContext<CourseListingUnlinked> context, CancellationToken cancellationToken)
    {
        var e = context.Message;
        var link = await Db.LockCourseLinkAsync(e.CourseId, e.ListingId, cancellationToken);
        link.Apply(linked: false, e.FacultyId, e.FacultyName, e.CourseCode, e.Version, e.OccurredAt);
    }
}

internal static class CourseLinkRows
{
    /// <summary>The link's row, locked for this transaction, or a new one; link and unlink events of a pair then apply one at a time.</summary>
    public static async Task<CourseLink> LockCourseLinkAsync(this PlacementsDbContext db, Guid courseId, Guid listingId, CancellationToken cancellationToken)
    {
        var link = db.CourseLinks.Local.FirstOrDefault(l => l.CourseId == courseId && l.ListingId == listingId)
            ?? await db.Locked<CourseLink>(RowLock.Update, (l => l.CourseId, courseId), (l => l.ListingId, listingId)).FirstOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            link = CourseLink.Create(courseId, listingId);
            db.CourseLinks.Add(link);
        }

        return link;
    }
}
