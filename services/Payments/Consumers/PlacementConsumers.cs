using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;
using MicroInternships.Payments.Partner;

namespace MicroInternships.Payments.Consumers;

public sealed class PlacementStartedConsumer(PaymentsDbContext db, Funding funding, MessagingMetrics metrics, ILogger<PlacementStartedConsumer> logger)
    : InboxConsumer<PlacementStarted, PaymentsDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<PlacementStarted> context, CancellationToken cancellationToken) =>
        funding.ReserveAsync(context.Message.Placement, payout: null, cancellationToken);
}

public sealed class PlacementCompletedConsumer(PaymentsDbContext db, PayoutOpener payouts, MessagingMetrics metrics, ILogger<PlacementCompletedConsumer> logger)
    : InboxConsumer<PlacementCompleted, PaymentsDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<PlacementCompleted> context, CancellationToken cancellationToken) =>
        payouts.OpenAsync(context.Message.Placement, context.Message.Placement.AmountCents, cancellationToken);
}

/// <summary>
/// A cancelled placement's settlement is final: keep reserved what it pays, release the rest, and pay it. A
/// cancellation alone changes nothing here, so an open settlement leaves the fund's reservation as it was.
/// </summary>
public sealed class PlacementSettledConsumer(
    PaymentsDbContext db, Funding funding, PayoutOpener payouts, MessagingMetrics metrics, ILogger<PlacementSettledConsumer> logger)
    : InboxConsumer<PlacementSettled, PaymentsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementSettled> context, CancellationToken cancellationToken)
    {
        var (placement, payable) = (context.Message.Placement, context.Message.PayableCents);
        await funding.SettledAsync(placement, payable, cancellationToken);
        if (payable > 0)
        {
            await payouts.OpenAsync(placement, payable, cancellationToken);
        }
    }
}
