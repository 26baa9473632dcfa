using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Directory;

/// <summary>Keeps what a placement is about (its student, organization, course) from its start; takes replays.</summary>
public sealed class PlacementStartedDirectoryConsumer(NotificationsDbContext db, MessagingMetrics metrics, ILogger<PlacementStartedDirectoryConsumer> logger)
    : InboxConsumer<PlacementStarted, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PlacementStarted> context, CancellationToken cancellationToken)
    {
        var p = context.Message.Placement;
        return Db.EntryAsync(p.PlacementId, id => new PlacementEntry(id, p.ListingId, p.StudentId, p.StudentName, p.OrganizationId, p.CourseId), cancellationToken);
    }
}
