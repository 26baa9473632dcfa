using MassTransit;
using MicroInternships.Contracts.Payments;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;

namespace MicroInternships.Placements.Consumers;

public sealed class PayoutPaidConsumer(PlacementsDbContext db, PaymentRecorder payments, MessagingMetrics metrics, ILogger<PayoutPaidConsumer> logger)
    : InboxConsumer<PayoutPaid, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PayoutPaid> context, CancellationToken cancellationToken) =>
        payments.RecordAsync(context.Message.PlacementId, p => p.RecordPayout(PaymentStatus.Paid, context.Message.Version, null, context.Message.OccurredAt), cancellationToken);
}

public sealed class PayoutFailedConsumer(PlacementsDbContext db, PaymentRecorder payments, MessagingMetrics metrics, ILogger<PayoutFailedConsumer> logger)
    : InboxConsumer<PayoutFailed, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PayoutFailed> context, CancellationToken cancellationToken) =>
        payments.RecordAsync(context.Message.PlacementId, p => p.RecordPayout(PaymentStatus.Failed, context.Message.Version, context.Message.Reason, context.Message.OccurredAt), cancellationToken);
}

public sealed class PayoutReturnedConsumer(PlacementsDbContext db, PaymentRecorder payments, MessagingMetrics metrics, ILogger<PayoutReturnedConsumer> logger)
    : InboxConsumer<PayoutReturned, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PayoutReturned> context, CancellationToken cancellationToken) =>
        payments.RecordAsync(context.Message.PlacementId, p => p.RecordPayout(PaymentStatus.Returned, context.Message.Version, context.Message.Reason, context.Message.OccurredAt), cancellationToken);
}

public sealed class PayoutOpenedConsumer(PlacementsDbContext db, PaymentRecorder payments, MessagingMetrics metrics, ILogger<PayoutOpenedConsumer> logger)
    : InboxConsumer<PayoutOpened, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PayoutOpened> context, CancellationToken cancellationToken) =>
        payments.RecordAsync(context.Message.Payout, context.Message.OccurredAt, cancellationToken);
}

public sealed class PayoutOnHoldConsumer(PlacementsDbContext db, PaymentRecorder payments, MessagingMetrics metrics, ILogger<PayoutOnHoldConsumer> logger)
    : InboxConsumer<PayoutOnHold, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PayoutOnHold> context, CancellationToken cancellationToken) =>
        payments.RecordAsync(context.Message.Payout, context.Message.OccurredAt, cancellationToken);
}

public sealed class PayoutFundedConsumer(PlacementsDbContext db, PaymentRecorder payments, MessagingMetrics metrics, ILogger<PayoutFundedConsumer> logger)
    : InboxConsumer<PayoutFunded, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PayoutFunded> context, CancellationToken cancellationToken) =>
        payments.RecordAsync(context.Message.Payout, context.Message.OccurredAt, cancellationToken);
}

public sealed class PayoutRetriedConsumer(PlacementsDbContext db, PaymentRecorder payments, MessagingMetrics metrics, ILogger<PayoutRetriedConsumer> logger)
    : InboxConsumer<PayoutRetried, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<PayoutRetried> context, CancellationToken cancellationToken) =>
        payments.RecordAsync(context.Message.Payout, context.Message.OccurredAt, cancellationToken);
}

public sealed class FundReservationRefusedConsumer(PlacementsDbContext db, PaymentRecorder payments, MessagingMetrics metrics, ILogger<FundReservationRefusedConsumer> logger)
    : InboxConsumer<FundReservationRefused, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<FundReservationRefused> context, CancellationToken cancellationToken) =>
        payments.RecordAsync(context.Message.PlacementId, p => p.MarkUnfunded(), cancellationToken);
}
