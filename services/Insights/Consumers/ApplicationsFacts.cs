using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// Every change of an application.

public sealed class ApplicationSubmittedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationSubmittedFact> logger) : FactConsumer<ApplicationSubmitted>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ApplicationSubmitted m) => batch.Upsert(m.Application, m.OccurredAt);
}

public sealed class ApplicationOfferedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationOfferedFact> logger) : FactConsumer<ApplicationOffered>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ApplicationOffered m) => batch.Upsert(m.Application, m.OccurredAt);
}

public sealed class ApplicationAcceptedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationAcceptedFact> logger) : FactConsumer<ApplicationAccepted>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ApplicationAccepted m) => batch.Upsert(m.Application, m.OccurredAt);
}

public sealed class ApplicationRejectedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationRejectedFact> logger) : FactConsumer<ApplicationRejected>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ApplicationRejected m) => batch.Upsert(m.Application, m.OccurredAt);
}

public sealed class ApplicationDeclinedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationDeclinedFact> logger) : FactConsumer<ApplicationDeclined>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ApplicationDeclined m) => batch.Upsert(m.Application, m.OccurredAt);
}

public sealed class ApplicationWithdrawnFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationWithdrawnFact> logger) : FactConsumer<ApplicationWithdrawn>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ApplicationWithdrawn m) => batch.Upsert(m.Application, m.OccurredAt);
}

public sealed class ApplicationExpiredFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationExpiredFact> logger) : FactConsumer<ApplicationExpired>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ApplicationExpired m) => batch.Upsert(m.Application, m.OccurredAt);
}
