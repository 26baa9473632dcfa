using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// Every change of an application.

public sealed class ApplicationSubmittedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationSubmittedFact> logger) : FactConsumer<ApplicationSubmitted>(db, metrics, logger)
{
    protected override Task ApplyAsync(ApplicationSubmitted m, CancellationToken ct) => Db.UpsertAsync(m.Application, m.OccurredAt, ct);
}

public sealed class ApplicationOfferedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationOfferedFact> logger) : FactConsumer<ApplicationOffered>(db, metrics, logger)
{
    protected override Task ApplyAsync(ApplicationOffered m, CancellationToken ct) => Db.UpsertAsync(m.Application, m.OccurredAt, ct);
}

public sealed class ApplicationAcceptedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationAcceptedFact> logger) : FactConsumer<ApplicationAccepted>(db, metrics, logger)
{
    protected override Task ApplyAsync(ApplicationAccepted m, CancellationToken ct) => Db.UpsertAsync(m.Application, m.OccurredAt, ct);
}

public sealed class ApplicationRejectedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationRejectedFact> logger) : FactConsumer<ApplicationRejected>(db, metrics, logger)
{
    protected override Task ApplyAsync(ApplicationRejected m, CancellationToken ct) => Db.UpsertAsync(m.Application, m.OccurredAt, ct);
}

public sealed class ApplicationDeclinedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationDeclinedFact> logger) : FactConsumer<ApplicationDeclined>(db, metrics, logger)
{
    protected override Task ApplyAsync(ApplicationDeclined m, CancellationToken ct) => Db.UpsertAsync(m.Application, m.OccurredAt, ct);
}

public sealed class ApplicationWithdrawnFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationWithdrawnFact> logger) : FactConsumer<ApplicationWithdrawn>(db, metrics, logger)
{
    protected override Task ApplyAsync(ApplicationWithdrawn m, CancellationToken ct) => Db.UpsertAsync(m.Application, m.OccurredAt, ct);
}

public sealed class ApplicationExpiredFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ApplicationExpiredFact> logger) : FactConsumer<ApplicationExpired>(db, metrics, logger)
{
    protected override Task ApplyAsync(ApplicationExpired m, CancellationToken ct) => Db.UpsertAsync(m.Application, m.OccurredAt, ct);
}
