using MicroInternships.Contracts.Events;
using MicroInternships.Events.Data;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Events.Domain;

/// <summary>
/// Seats and the waitlist. Every step locks the event's row first (<c>FOR NO KEY UPDATE</c>: enough to serialize
/// them, without holding back inserts of slots and sessions that only reference the event), so concurrent
/// registrations, cancellations and capacity changes take and give back seats one at a time: confirmed never
/// exceeds capacity (a check constraint backs it), and the waitlist is served in arrival order.
/// Call inside a transaction.
/// </summary>
public sealed class RegistrationDesk(EventsDbContext db)
{
    public async Task<Event> LockEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        await db.Events.FromSql($"SELECT * FROM events WHERE id = {eventId} FOR NO KEY UPDATE").FirstOrDefaultAsync(cancellationToken)
        ?? throw ApiException.NotFound("event");

    public async Task<(Registration Registration, int? Position)> RegisterAsync(
        Event locked, string attendeeId, string attendeeName, Audience audience, DateTimeOffset now, CancellationToken cancellationToken)
    {
        locked.EnsureRegistrationOpen(now);
        var tier = locked.TierAt(now);
        var fee = locked.Fees.FirstOrDefault(f => f.Audience == audience);
        if (fee is null && audience != Audience.Staff)
        {
            throw ApiException.Conflict("no_fee_for_audience", "This event has no fee for your audience, so it is not open to it.");
        }

        if (await db.Registrations.AnyAsync(r => r.EventId == locked.Id && r.AttendeeId == attendeeId && Registration.ActiveStatuses.Contains(r.Status), cancellationToken))
        {
            throw ApiException.Conflict("registration_exists", "You are already registered for this event.");
        }

        var confirmed = locked.TryTakeSeat();
        var registration = Registration.Create(
            locked.Id, attendeeId, attendeeName, audience, tier, fee?.For(tier) ?? 0, confirmed ? null : locked.NextWaitlistNumber(), now);
        db.Registrations.Add(registration);
        var position = confirmed ? (int?)null : await WaitingAheadAsync(registration, cancellationToken) + 1;
        if (confirmed)
        {
            db.AddIntegrationEvent(new RegistrationConfirmed(registration.ToSnapshot(null), now));
        }
        else
        {
            db.AddIntegrationEvent(new RegistrationWaitlisted(registration.ToSnapshot(position), now));
        }

        return (registration, position);
    }

    /// <summary>Cancels, gives the seat back, releases the registration's slot bookings and promotes the next in line.</summary>
    public async Task CancelAsync(Event locked, Registration registration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Locked before its bookings are released, as a booking locks it before booking: a booking racing this
        // cancellation either lands first (and is released here) or finds the registration cancelled.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM registrations WHERE id = {registration.Id} FOR UPDATE", cancellationToken);
        var heldSeat = registration.HoldsSeat;
        registration.Cancel(now);
        db.AddIntegrationEvent(new RegistrationCancelled(registration.ToSnapshot(null), now));
        await db.Slots.Where(s => s.BookedRegistrationId == registration.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.BookedBy, (string?)null)
            .SetProperty(x => x.BookedByName, (string?)null)
            .SetProperty(x => x.BookedRegistrationId, (Guid?)null)
            .SetProperty(x => x.BookedAt, (DateTimeOffset?)null), cancellationToken);
        if (heldSeat)
        {
            locked.ReleaseSeat();
            await PromoteAsync(locked, now, cancellationToken);
        }
    }

    /// <summary>Fills free seats from the head of the waitlist, unless the event has started.</summary>
    public async Task PromoteAsync(Event locked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (locked.HasStarted(now))
        {
            return;
        }

        var free = locked.SeatsLeft;
        if (free <= 0)
        {
            return;
        }

        var next = await db.Registrations
            .Where(r => r.EventId == locked.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistNumber)
            .Take(free)
            .ToListAsync(cancellationToken);
        foreach (var registration in next)
        {
            locked.TryTakeSeat();
            registration.Promote();
            db.AddIntegrationEvent(new RegistrationPromoted(registration.ToSnapshot(null), now));
        }
    }

    /// <summary>How many still waiting arrived before this one.</summary>
    private Task<int> WaitingAheadAsync(Registration registration, CancellationToken cancellationToken) =>
        db.Registrations.CountAsync(r => r.EventId == registration.EventId && r.Status == RegistrationStatus.Waitlisted
            && r.WaitlistNumber < registration.WaitlistNumber, cancellationToken);
}
