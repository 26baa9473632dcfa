using MicroInternships.Contracts.Events;
using MicroInternships.Events.Data;
using MicroInternships.Events.Domain;
using MicroInternships.Messaging.Outbox;

namespace MicroInternships.Events.Registrations;

public static class SlotEvents
{
    /// <summary>One <see cref="SlotReleased"/> per slot a release freed, as the release's SQL returned it.</summary>
    public static void Released(EventsDbContext db, IEnumerable<Slot> freed, DateTimeOffset now)
    {
        foreach (var slot in freed)
        {
            db.AddIntegrationEvent(new SlotReleased(slot.ToSnapshot(), now));
        }
    }
}
