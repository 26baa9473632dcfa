using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Listings.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;

namespace MicroInternships.Listings.Consumers;

public sealed class PlacementCancelledConsumer(ListingsDbContext db, SeatCounter seats, MessagingMetrics metrics, ILogger<PlacementCancelledConsumer> logger)
    : InboxConsumer<PlacementCancelled, ListingsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PlacementCancelled> context, CancellationToken cancellationToken) =>
        seats.CancelledAsync(context.Message.Placement.PlacementId, context.Message.Placement.ListingId, cancellationToken);
}
