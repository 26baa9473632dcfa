using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Events;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// The Institute's events, registrations and one-on-one slots.

public sealed class EventCreatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<EventCreatedFact> logger) : FactConsumer<EventCreated>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, EventCreated m) => batch.Upsert(m.Event, m.OccurredAt);
}

public sealed class EventUpdatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<EventUpdatedFact> logger) : FactConsumer<EventUpdated>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, EventUpdated m) => batch.Upsert(m.Event, m.OccurredAt);
}

public sealed class RegistrationConfirmedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationConfirmedFact> logger) : FactConsumer<RegistrationConfirmed>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, RegistrationConfirmed m) => batch.Upsert(m.Registration, promoted: false, m.OccurredAt);
}

public sealed class RegistrationWaitlistedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationWaitlistedFact> logger) : FactConsumer<RegistrationWaitlisted>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, RegistrationWaitlisted m) => batch.Upsert(m.Registration, promoted: false, m.OccurredAt);
}

public sealed class RegistrationPromotedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationPromotedFact> logger) : FactConsumer<RegistrationPromoted>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, RegistrationPromoted m) => batch.Upsert(m.Registration, promoted: true, m.OccurredAt);
}

public sealed class RegistrationCancelledFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationCancelledFact> logger) : FactConsumer<RegistrationCancelled>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, RegistrationCancelled m) => batch.Upsert(m.Registration, promoted: false, m.OccurredAt);
}

public sealed class RegistrationCheckedInFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<RegistrationCheckedInFact> logger) : FactConsumer<RegistrationCheckedIn>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, RegistrationCheckedIn m) => batch.Upsert(m.Registration, promoted: false, m.OccurredAt);
}

public sealed class SlotOfferedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<SlotOfferedFact> logger) : FactConsumer<SlotOffered>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, SlotOffered m) => batch.Upsert(m.Slot, withdrawn: false, m.OccurredAt);
}

public sealed class SlotBookedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<SlotBookedFact> logger) : FactConsumer<SlotBooked>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, SlotBooked m) => batch.Upsert(m.Slot, withdrawn: false, m.OccurredAt);
}

public sealed class SlotReleasedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<SlotReleasedFact> logger) : FactConsumer<SlotReleased>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, SlotReleased m) => batch.Upsert(m.Slot, withdrawn: false, m.OccurredAt);
}

public sealed class SlotWithdrawnFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<SlotWithdrawnFact> logger) : FactConsumer<SlotWithdrawn>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, SlotWithdrawn m) => batch.Upsert(m.Slot, withdrawn: true, m.OccurredAt);
}
