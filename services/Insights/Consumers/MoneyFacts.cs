using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Payments;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// Every change of a payout and of a fund's money.

public sealed class PayoutOpenedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutOpenedFact> logger) : FactConsumer<PayoutOpened>(db, metrics, logger)
{
    protected override Task ApplyAsync(PayoutOpened m, CancellationToken ct) => Db.UpsertAsync(m.Payout, m.OccurredAt, m.OccurredAt, ct);
}

public sealed class PayoutOnHoldFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutOnHoldFact> logger) : FactConsumer<PayoutOnHold>(db, metrics, logger)
{
    protected override Task ApplyAsync(PayoutOnHold m, CancellationToken ct) => Db.UpsertAsync(m.Payout, null, m.OccurredAt, ct);
}

public sealed class PayoutFundedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutFundedFact> logger) : FactConsumer<PayoutFunded>(db, metrics, logger)
{
    protected override Task ApplyAsync(PayoutFunded m, CancellationToken ct) => Db.UpsertAsync(m.Payout, null, m.OccurredAt, ct);
}

public sealed class PayoutSubmittedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutSubmittedFact> logger) : FactConsumer<PayoutSubmitted>(db, metrics, logger)
{
    protected override Task ApplyAsync(PayoutSubmitted m, CancellationToken ct) => Db.UpsertAsync(m.Payout, null, m.OccurredAt, ct);
}

public sealed class PayoutRetriedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutRetriedFact> logger) : FactConsumer<PayoutRetried>(db, metrics, logger)
{
    protected override Task ApplyAsync(PayoutRetried m, CancellationToken ct) => Db.UpsertAsync(m.Payout, null, m.OccurredAt, ct);
}

public sealed class PayoutFlaggedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutFlaggedFact> logger) : FactConsumer<PayoutFlagged>(db, metrics, logger)
{
    protected override Task ApplyAsync(PayoutFlagged m, CancellationToken ct) => Db.UpsertAsync(m.Payout, null, m.OccurredAt, ct);
}

public sealed class PayoutPaidFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutPaidFact> logger) : FactConsumer<PayoutPaid>(db, metrics, logger)
{
    protected override Task ApplyAsync(PayoutPaid m, CancellationToken ct) => Db.UpsertAsync(m.Payout, null, m.OccurredAt, ct);
}

public sealed class PayoutFailedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutFailedFact> logger) : FactConsumer<PayoutFailed>(db, metrics, logger)
{
    protected override Task ApplyAsync(PayoutFailed m, CancellationToken ct) => Db.UpsertAsync(m.Payout, null, m.OccurredAt, ct);
}

public sealed class PayoutReturnedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutReturnedFact> logger) : FactConsumer<PayoutReturned>(db, metrics, logger)
{
    protected override Task ApplyAsync(PayoutReturned m, CancellationToken ct) => Db.UpsertAsync(m.Payout, null, m.OccurredAt, ct);
}

public sealed class FundChangedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<FundChangedFact> logger) : FactConsumer<FundChanged>(db, metrics, logger)
{
    protected override Task ApplyAsync(FundChanged m, CancellationToken ct) => Db.UpsertAsync(m.Fund, m.OccurredAt, ct);
}
