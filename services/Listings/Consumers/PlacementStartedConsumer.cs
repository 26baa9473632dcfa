using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Listings.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;

namespace MicroInternships.Listings.Consumers;

public sealed class PlacementStartedConsumer(ListingsDbContext db, SeatCounter seats, MessagingMetrics metrics, ILogger<PlacementStartedConsumer> logger)
    : InboxConsumer<PlacementStarted, ListingsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PlacementStarted> context, CancellationToken cancellationToken) =>
        seats.StartedAsync(context.Message.Placement.PlacementId, context.Message.Placement.ListingId, cancellationToken);
}
