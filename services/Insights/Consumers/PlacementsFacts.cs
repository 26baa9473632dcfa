using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// Every change of a placement, its time entries and its revealed ratings.

public sealed class PlacementStartedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementStartedFact> logger) : FactConsumer<PlacementStarted>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PlacementStarted m) => batch.Milestone(m.Placement, PlacementMilestone.Started, m.OccurredAt);
}

public sealed class PlacementSubmittedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementSubmittedFact> logger) : FactConsumer<PlacementSubmitted>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PlacementSubmitted m) => batch.Upsert(m.Placement, m.OccurredAt);
}

public sealed class PlacementRevisionRequestedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementRevisionRequestedFact> logger) : FactConsumer<PlacementRevisionRequested>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PlacementRevisionRequested m) => batch.RevisionRequested(m.Placement, m.RevisionCount, m.OccurredAt);
}

public sealed class PlacementCompletedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementCompletedFact> logger) : FactConsumer<PlacementCompleted>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PlacementCompleted m) => batch.Completed(m.Placement, m.AutoApproved, m.OccurredAt);
}

public sealed class PlacementCancelledFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementCancelledFact> logger) : FactConsumer<PlacementCancelled>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PlacementCancelled m) => batch.Milestone(m.Placement, PlacementMilestone.Cancelled, m.OccurredAt);
}

public sealed class PlacementSettledFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementSettledFact> logger) : FactConsumer<PlacementSettled>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PlacementSettled m) => batch.Upsert(m.Placement, m.OccurredAt);
}

public sealed class PlacementSettlementDisputableFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementSettlementDisputableFact> logger) : FactConsumer<PlacementSettlementDisputable>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PlacementSettlementDisputable m) => batch.Upsert(m.Placement, m.OccurredAt);
}

public sealed class PlacementSettlementEscalatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<PlacementSettlementEscalatedFact> logger) : FactConsumer<PlacementSettlementEscalated>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, PlacementSettlementEscalated m) => batch.Upsert(m.Placement, m.OccurredAt);
}

public sealed class TimeEntryLoggedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<TimeEntryLoggedFact> logger) : FactConsumer<TimeEntryLogged>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, TimeEntryLogged m) => batch.TimeLogged(m);
}

public sealed class FeedbackRevealedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<FeedbackRevealedFact> logger) : FactConsumer<FeedbackRevealed>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, FeedbackRevealed m) => batch.Revealed(m);
}
