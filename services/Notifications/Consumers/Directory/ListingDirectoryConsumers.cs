using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Directory;

/// <summary>Keeps the listing directory (titles, organizations) from Listings' snapshots; builds state, so it takes replays too.</summary>
public sealed class ListingDraftedDirectoryConsumer(NotificationsDbContext db, MessagingMetrics metrics, ILogger<ListingDraftedDirectoryConsumer> logger)
    : InboxConsumer<ListingDrafted, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ListingDrafted> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Listing, cancellationToken);
}

public sealed class ListingPublishedDirectoryConsumer(NotificationsDbContext db, MessagingMetrics metrics, ILogger<ListingPublishedDirectoryConsumer> logger)
    : InboxConsumer<ListingPublished, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ListingPublished> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Listing, cancellationToken);
}

public sealed class ListingUpdatedDirectoryConsumer(NotificationsDbContext db, MessagingMetrics metrics, ILogger<ListingUpdatedDirectoryConsumer> logger)
    : InboxConsumer<ListingUpdated, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ListingUpdated> context, CancellationToken cancellationToken) =>
        Db.ApplyAsync(context.Message.Listing, cancellationToken);
}

internal static class ListingDirectory
{
    public static async Task ApplyAsync(this NotificationsDbContext db, ListingSnapshot snapshot, CancellationToken cancellationToken) =>
        (await db.EntryAsync(snapshot.ListingId, ListingEntry.Create, cancellationToken)).Apply(snapshot.Version, snapshot.OrganizationId, snapshot.Title);
}
