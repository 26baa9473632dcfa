using System.Diagnostics;
using MicroInternships.Contracts.Events;
using MicroInternships.Events.Apis;
using MicroInternships.Events.Data;
using MicroInternships.Events.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Events.Registrations;

/// <summary>
/// Seats and the waitlist. Every step locks the event's row first (<c>FOR NO KEY UPDATE</c>: enough to serialize
/// them, without holding back inserts of slots and sessions that only reference the event), so concurrent
/// registrations, cancellations and capacity changes take and give back seats one at a time: confirmed never
/// exceeds capacity (a check constraint backs it), and the waitlist is served in arrival order.
/// Call inside a transaction.
/// </summary>
public sealed class RegistrationDesk(EventsDbContext db)
{
    /// <summary>The event, its row locked (<see cref="RowLock.NoKeyUpdate"/> unless told), or 404.</summary>
    public async Task<Event> LockEventAsync(Guid eventId, CancellationToken cancellationToken, RowLock mode = RowLock.NoKeyUpdate) =>
        await db.LockAsync<Event>(eventId, cancellationToken, mode)
        ?? throw DomainRuleException.NotFound("event");

    /// <summary>
    /// Registers each applicant in arrival order: a seat while one is left, the waitlist after that. One applicant's
    /// refusal (registration closed, no fee for the audience, already registered) is that applicant's outcome and
    /// leaves the others' standing. Two round trips however many applicants: who of them is registered already, and
    /// (only when some will wait) how long the line is.
    /// </summary>
    public async Task<IReadOnlyList<RegistrationOutcome>> RegisterAsync(Event locked, IReadOnlyList<Applicant> applicants, CancellationToken cancellationToken)
    {
        var attendeeIds = applicants.Select(a => a.AttendeeId).Distinct().ToList();
        var registered = (await db.Registrations
                .Where(r => r.EventId == locked.Id && attendeeIds.Contains(r.AttendeeId) && Registration.ActiveStatuses.Contains(r.Status))
                .Select(r => r.AttendeeId)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        // With the event locked, everyone waiting arrived before these applicants: the line's length is the last position.
        var waiting = applicants.Count > locked.SeatsLeft ? await WaitingAsync(locked.Id, cancellationToken) : 0;
        var outcomes = new List<RegistrationOutcome>(applicants.Count);
        foreach (var applicant in applicants)
        {
            try
            {
                var (registration, position) = Register(locked, applicant, registered, ref waiting);
                outcomes.Add(new RegistrationOutcome(registration, position, null));
            }
            catch (DomainRuleException refused)
            {
                outcomes.Add(new RegistrationOutcome(null, null, refused));
            }
        }

        return outcomes;
    }

    /// <summary>Cancels, gives the seat back, releases the registration's slot bookings and session places and promotes the next in line.</summary>
    public async Task CancelAsync(Event locked, Registration registration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Locked before its bookings are released, as a booking locks it before booking: a booking racing this
        // cancellation either lands first (and is released here) or finds the registration cancelled.
        await db.LockRowAsync<Registration>(registration.Id, cancellationToken);
        var heldSeat = registration.HoldsSeat;
        registration.Cancel(now);
        db.AddIntegrationEvent(new RegistrationCancelled(registration.ToSnapshot(null), now));
        var released = await db.Slots
            .FromSql($"""
                UPDATE slots SET booked_by = NULL, booked_by_name = NULL, booked_registration_id = NULL, booked_at = NULL, version = version + 1
                WHERE booked_registration_id = {registration.Id}
                RETURNING *
                """)
            .AsNoTracking().ToListAsync(cancellationToken);
        SlotEvents.Released(db, released, now);
        await ReleaseSignupsAsync(registration, now, cancellationToken);
        if (heldSeat)
        {
            locked.ReleaseSeat();
            await PromoteAsync(locked, now, cancellationToken);
        }
    }

    /// <summary>Gives back the registration's places in sessions, their rows locked in key order.</summary>
    private async Task ReleaseSignupsAsync(Registration registration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // No new place can be taken meanwhile (that needs the registration, locked here), but one may be given back:
        // the places are read again once their sessions are locked.
        var sessionIds = await db.SessionSignups.AsNoTracking()
            .Where(s => s.RegistrationId == registration.Id && s.Status == SignupStatus.SignedUp)
            .Select(s => s.SessionId).Distinct().ToListAsync(cancellationToken);
        if (sessionIds.Count == 0)
        {
            return;
        }

        var sessions = (await db.LockAllAsync<Session>(sessionIds, cancellationToken, RowLock.NoKeyUpdate)).ToDictionary(s => s.Id);
        var signups = await db.SessionSignups.Where(s => s.RegistrationId == registration.Id && s.Status == SignupStatus.SignedUp).ToListAsync(cancellationToken);
        foreach (var signup in signups)
        {
            SignupsApi.Release(db, sessions[signup.SessionId], signup, now);
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

    private (Registration Registration, int? Position) Register(Event locked, Applicant applicant, HashSet<string> registered, ref int waiting)
    {
        locked.EnsureRegistrationOpen(applicant.ArrivedAt);
        var tier = locked.TierAt(applicant.ArrivedAt);
        var fee = locked.Fees.FirstOrDefault(f => f.Audience == applicant.Audience);
        if (fee is null && applicant.Audience != Audience.Staff)
        {
            throw DomainRuleException.Conflict("no_fee_for_audience", "This event has no fee for your audience, so it is not open to it.");
        }

        if (!registered.Add(applicant.AttendeeId))
        {
            throw DomainRuleException.Conflict("registration_exists", "You are already registered for this event.");
        }

        var confirmed = locked.TryTakeSeat();
        var registration = Registration.Create(
            locked.Id, applicant.AttendeeId, applicant.AttendeeName, applicant.Audience, tier, fee?.For(tier) ?? 0,
            confirmed ? null : locked.NextWaitlistNumber(), applicant.ArrivedAt);
        db.Registrations.Add(registration);
        var position = confirmed ? (int?)null : ++waiting;

        // The event joins the trace of the request that asked for it, not of the batch it was settled in.
        var batch = Activity.Current;
        Activity.Current = applicant.Request ?? batch;
        try
        {
            if (confirmed)
            {
                db.AddIntegrationEvent(new RegistrationConfirmed(registration.ToSnapshot(null), applicant.ArrivedAt));
            }
            else
            {
                db.AddIntegrationEvent(new RegistrationWaitlisted(registration.ToSnapshot(position), applicant.ArrivedAt));
            }
        }
        finally
        {
            Activity.Current = batch;
        }

        return (registration, position);
    }

    private Task<int> WaitingAsync(Guid eventId, CancellationToken cancellationToken) =>
        db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted, cancellationToken);
}
