using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// Every change of a placement, its time entries and its revealed ratings.

public sealed class PlacementStartedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementStartedFact> logger) : FactConsumer<PlacementStarted>(db, metrics, logger)
{
    protected override Task ApplyAsync(PlacementStarted m, CancellationToken ct) => Db.MilestoneAsync(m.Placement, PlacementMilestone.Started, m.OccurredAt, ct);
}

public sealed class PlacementSubmittedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementSubmittedFact> logger) : FactConsumer<PlacementSubmitted>(db, metrics, logger)
{
    protected override Task ApplyAsync(PlacementSubmitted m, CancellationToken ct) => Db.UpsertAsync(m.Placement, m.OccurredAt, ct);
}

public sealed class PlacementRevisionRequestedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementRevisionRequestedFact> logger) : FactConsumer<PlacementRevisionRequested>(db, metrics, logger)
{
    protected override Task ApplyAsync(PlacementRevisionRequested m, CancellationToken ct) => Db.RevisionRequestedAsync(m.Placement, m.RevisionCount, m.OccurredAt, ct);
}

public sealed class PlacementCompletedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementCompletedFact> logger) : FactConsumer<PlacementCompleted>(db, metrics, logger)
{
    protected override Task ApplyAsync(PlacementCompleted m, CancellationToken ct) => Db.CompletedAsync(m.Placement, m.AutoApproved, m.OccurredAt, ct);
}

public sealed class PlacementCancelledFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementCancelledFact> logger) : FactConsumer<PlacementCancelled>(db, metrics, logger)
{
    protected override Task ApplyAsync(PlacementCancelled m, CancellationToken ct) => Db.MilestoneAsync(m.Placement, PlacementMilestone.Cancelled, m.OccurredAt, ct);
}

public sealed class PlacementSettledFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementSettledFact> logger) : FactConsumer<PlacementSettled>(db, metrics, logger)
{
    protected override Task ApplyAsync(PlacementSettled m, CancellationToken ct) => Db.UpsertAsync(m.Placement, m.OccurredAt, ct);
}

public sealed class PlacementSettlementDisputableFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementSettlementDisputableFact> logger) : FactConsumer<PlacementSettlementDisputable>(db, metrics, logger)
{
    protected override Task ApplyAsync(PlacementSettlementDisputable m, CancellationToken ct) => Db.UpsertAsync(m.Placement, m.OccurredAt, ct);
}

public sealed class PlacementSettlementEscalatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementSettlementEscalatedFact> logger) : FactConsumer<PlacementSettlementEscalated>(db, metrics, logger)
{
    protected override Task ApplyAsync(PlacementSettlementEscalated m, CancellationToken ct) => Db.UpsertAsync(m.Placement, m.OccurredAt, ct);
}

public sealed class TimeEntryLoggedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<TimeEntryLoggedFact> logger) : FactConsumer<TimeEntryLogged>(db, metrics, logger)
{
    protected override Task ApplyAsync(TimeEntryLogged m, CancellationToken ct) => Db.TimeLoggedAsync(m, ct);
}

public sealed class FeedbackRevealedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<FeedbackRevealedFact> logger) : FactConsumer<FeedbackRevealed>(db, metrics, logger)
{
    protected override Task ApplyAsync(FeedbackRevealed m, CancellationToken ct) => Db.RevealedAsync(m, ct);
}
