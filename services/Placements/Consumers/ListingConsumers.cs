using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Placements.Data;

namespace MicroInternships.Placements.Consumers;

public sealed class ListingPublishedConsumer(PlacementsDbContext db, ListingCopies copies, MessagingMetrics metrics, ILogger<ListingPublishedConsumer> logger)
    : InboxConsumer<ListingPublished, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task PrepareBatchAsync(IReadOnlyList<ConsumeContext<ListingPublished>> deliveries, CancellationToken cancellationToken) =>
        copies.LockAsync(deliveries.Select(d => d.Message.Listing), cancellationToken);

    protected override Task HandleAsync(ConsumeContext<ListingPublished> context, CancellationToken cancellationToken) =>
        copies.ApplyAsync(context.Message.Listing, context.Message.OccurredAt, cancellationToken);
}

public sealed class ListingUpdatedConsumer(PlacementsDbContext db, ListingCopies copies, MessagingMetrics metrics, ILogger<ListingUpdatedConsumer> logger)
    : InboxConsumer<ListingUpdated, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task PrepareBatchAsync(IReadOnlyList<ConsumeContext<ListingUpdated>> deliveries, CancellationToken cancellationToken) =>
        copies.LockAsync(deliveries.Select(d => d.Message.Listing), cancellationToken);

    protected override Task HandleAsync(ConsumeContext<ListingUpdated> context, CancellationToken cancellationToken) =>
        copies.ApplyAsync(context.Message.Listing, context.Message.OccurredAt, cancellationToken);
}

public sealed class ListingClosedConsumer(PlacementsDbContext db, ListingCopies copies, MessagingMetrics metrics, ILogger<ListingClosedConsumer> logger)
    : InboxConsumer<ListingClosed, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task PrepareBatchAsync(IReadOnlyList<ConsumeContext<ListingClosed>> deliveries, CancellationToken cancellationToken) =>
        copies.LockAsync(deliveries.Select(d => d.Message.Listing), cancellationToken);

    protected override Task HandleAsync(ConsumeContext<ListingClosed> context, CancellationToken cancellationToken) =>
        copies.ApplyAsync(context.Message.Listing, context.Message.OccurredAt, cancellationToken);
}

public sealed class ListingCancelledConsumer(PlacementsDbContext db, ListingCopies copies, MessagingMetrics metrics, ILogger<ListingCancelledConsumer> logger)
    : InboxConsumer<ListingCancelled, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task PrepareBatchAsync(IReadOnlyList<ConsumeContext<ListingCancelled>> deliveries, CancellationToken cancellationToken) =>
        copies.LockAsync(deliveries.Select(d => d.Message.Listing), cancellationToken);

    protected override Task HandleAsync(ConsumeContext<ListingCancelled> context, CancellationToken cancellationToken) =>
        copies.ApplyAsync(context.Message.Listing, context.Message.OccurredAt, cancellationToken);
}
