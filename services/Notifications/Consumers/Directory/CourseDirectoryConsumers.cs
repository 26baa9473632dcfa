using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Directory;

/// <summary>Keeps each course's faculty member, to tell them of what happens in their course; takes replays.</summary>
public sealed class CourseCreatedDirectoryConsumer(NotificationsDbContext db, MessagingMetrics metrics, ILogger<CourseCreatedDirectoryConsumer> logger)
    : InboxConsumer<CourseCreated, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<CourseCreated> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Course, cancellationToken);
}

public sealed class CourseUpdatedDirectoryConsumer(NotificationsDbContext db, MessagingMetrics metrics, ILogger<CourseUpdatedDirectoryConsumer> logger)
    : InboxConsumer<CourseUpdated, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<CourseUpdated> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Course, cancellationToken);
}

internal static class CourseDirectory
{
    public static async Task ApplyAsync(this NotificationsDbContext db, CourseSnapshot snapshot, CancellationToken cancellationToken) =>
        (await db.EntryAsync(snapshot.CourseId, CourseEntry.Create, cancellationToken)).Apply(snapshot.Version, snapshot.FacultyId, snapshot.Code);
}
