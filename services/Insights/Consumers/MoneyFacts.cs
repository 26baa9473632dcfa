using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Payments;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// Every change of a payout and of a fund's money.

public sealed class PayoutOpenedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutOpenedFact> logger) : FactConsumer<PayoutOpened>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PayoutOpened m) => batch.Upsert(m.Payout, m.OccurredAt, m.OccurredAt);
}

public sealed class PayoutOnHoldFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutOnHoldFact> logger) : FactConsumer<PayoutOnHold>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PayoutOnHold m) => batch.Upsert(m.Payout, null, m.OccurredAt);
}

public sealed class PayoutFundedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutFundedFact> logger) : FactConsumer<PayoutFunded>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PayoutFunded m) => batch.Upsert(m.Payout, null, m.OccurredAt);
}

public sealed class PayoutSubmittedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutSubmittedFact> logger) : FactConsumer<PayoutSubmitted>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PayoutSubmitted m) => batch.Upsert(m.Payout, null, m.OccurredAt);
}

public sealed class PayoutRetriedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutRetriedFact> logger) : FactConsumer<PayoutRetried>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PayoutRetried m) => batch.Upsert(m.Payout, null, m.OccurredAt);
}

public sealed class PayoutFlaggedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutFlaggedFact> logger) : FactConsumer<PayoutFlagged>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PayoutFlagged m) => batch.Upsert(m.Payout, null, m.OccurredAt);
}

public sealed class PayoutPaidFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutPaidFact> logger) : FactConsumer<PayoutPaid>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PayoutPaid m) => batch.Upsert(m.Payout, null, m.OccurredAt);
}

public sealed class PayoutFailedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutFailedFact> logger) : FactConsumer<PayoutFailed>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PayoutFailed m) => batch.Upsert(m.Payout, null, m.OccurredAt);
}

public sealed class PayoutReturnedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PayoutReturnedFact> logger) : FactConsumer<PayoutReturned>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PayoutReturned m) => batch.Upsert(m.Payout, null, m.OccurredAt);
}

public sealed class FundChangedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<FundChangedFact> logger) : FactConsumer<FundChanged>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, FundChanged m) => batch.Upsert(m.Fund, m.OccurredAt);
}
