using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;

namespace MicroInternships.Payments.Consumers;

public sealed class PlacementStartedConsumer(PaymentsDbContext db, Funding funding, MessagingMetrics metrics, ILogger<PlacementStartedConsumer> logger)
    : InboxConsumer<PlacementStarted, PaymentsDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<PlacementStarted> context, CancellationToken cancellationToken) =>
        funding.ReserveAsync(context.Message.Placement, cancellationToken);
}

public sealed class PlacementCompletedConsumer(PaymentsDbContext db, PayoutOpener payouts, MessagingMetrics metrics, ILogger<PlacementCompletedConsumer> logger)
    : InboxConsumer<PlacementCompleted, PaymentsDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<PlacementCompleted> context, CancellationToken cancellationToken) =>
        payouts.OpenAsync(context.Message.Placement, context.Message.Placement.AmountCents, cancellationToken);
}

public sealed class PlacementCancelledConsumer(
    PaymentsDbContext db, Funding funding, PayoutOpener payouts, MessagingMetrics metrics, ILogger<PlacementCancelledConsumer> logger)
    : InboxConsumer<PlacementCancelled, PaymentsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementCancelled> context, CancellationToken cancellationToken)
    {
        var (placement, payable) = (context.Message.Placement, context.Message.PayableCents);
        await funding.CancelledAsync(placement, payable, cancellationToken);
        if (payable > 0)
        {
            await payouts.OpenAsync(placement, payable, cancellationToken);
        }
    }
}
