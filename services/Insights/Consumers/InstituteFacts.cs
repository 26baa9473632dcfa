using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Events;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// The Institute's events, registrations and one-on-one slots.

public sealed class EventCreatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<EventCreatedFact> logger) : FactConsumer<EventCreated>(db, metrics, logger)
{
    protected override Task ApplyAsync(EventCreated m, CancellationToken ct) => Db.UpsertAsync(m.Event, m.OccurredAt, ct);
}

public sealed class EventUpdatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<EventUpdatedFact> logger) : FactConsumer<EventUpdated>(db, metrics, logger)
{
    protected override Task ApplyAsync(EventUpdated m, CancellationToken ct) => Db.UpsertAsync(m.Event, m.OccurredAt, ct);
}

public sealed class RegistrationConfirmedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationConfirmedFact> logger) : FactConsumer<RegistrationConfirmed>(db, metrics, logger)
{
    protected override Task ApplyAsync(RegistrationConfirmed m, CancellationToken ct) => Db.UpsertAsync(m.Registration, promoted: false, m.OccurredAt, ct);
}

public sealed class RegistrationWaitlistedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationWaitlistedFact> logger) : FactConsumer<RegistrationWaitlisted>(db, metrics, logger)
{
    protected override Task ApplyAsync(RegistrationWaitlisted m, CancellationToken ct) => Db.UpsertAsync(m.Registration, promoted: false, m.OccurredAt, ct);
}

public sealed class RegistrationPromotedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationPromotedFact> logger) : FactConsumer<RegistrationPromoted>(db, metrics, logger)
{
    protected override Task ApplyAsync(RegistrationPromoted m, CancellationToken ct) => Db.UpsertAsync(m.Registration, promoted: true, m.OccurredAt, ct);
}

public sealed class RegistrationCancelledFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationCancelledFact> logger) : FactConsumer<RegistrationCancelled>(db, metrics, logger)
{
    protected override Task ApplyAsync(RegistrationCancelled m, CancellationToken ct) => Db.UpsertAsync(m.Registration, promoted: false, m.OccurredAt, ct);
}

public sealed class RegistrationCheckedInFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationCheckedInFact> logger) : FactConsumer<RegistrationCheckedIn>(db, metrics, logger)
{
    protected override Task ApplyAsync(RegistrationCheckedIn m, CancellationToken ct) => Db.UpsertAsync(m.Registration, promoted: false, m.OccurredAt, ct);
}

public sealed class SlotOfferedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<SlotOfferedFact> logger) : FactConsumer<SlotOffered>(db, metrics, logger)
{
    protected override Task ApplyAsync(SlotOffered m, CancellationToken ct) => Db.UpsertAsync(m.Slot, withdrawn: false, m.OccurredAt, ct);
}

public sealed class SlotBookedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<SlotBookedFact> logger) : FactConsumer<SlotBooked>(db, metrics, logger)
{
    protected override Task ApplyAsync(SlotBooked m, CancellationToken ct) => Db.UpsertAsync(m.Slot, withdrawn: false, m.OccurredAt, ct);
}

public sealed class SlotReleasedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<SlotReleasedFact> logger) : FactConsumer<SlotReleased>(db, metrics, logger)
{
    protected override Task ApplyAsync(SlotReleased m, CancellationToken ct) => Db.UpsertAsync(m.Slot, withdrawn: false, m.OccurredAt, ct);
}

public sealed class SlotWithdrawnFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<SlotWithdrawnFact> logger) : FactConsumer<SlotWithdrawn>(db, metrics, logger)
{
    protected override Task ApplyAsync(SlotWithdrawn m, CancellationToken ct) => Db.UpsertAsync(m.Slot, withdrawn: true, m.OccurredAt, ct);
}
