using MicroInternships.Contracts.Events;
using MicroInternships.Events.Data;
using MicroInternships.Events.Domain;
using MicroInternships.Events.Registrations;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroInternships.Events.Apis;

public sealed record SlotRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

/// <summary><see cref="BookedBy"/> is shown only to the slot's partner, its booker and coordinators; others see <see cref="Booked"/>.</summary>
public sealed record SlotDto(
    Guid Id, Guid EventId, string PartnerId, string PartnerName, Guid OrganizationId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Booked, string? BookedBy, string? BookedByName);

/// <summary>One-on-one time with partners at an event: the rules live in the database's constraints, so races cannot break them.</summary>
public static class SlotsApi
{
    public static IEndpointRouteBuilder MapSlotsApi(this IEndpointRouteBuilder app)
    {
        var slots = app.MapGroup("/events/{eventId:guid}/slots").WithTag("One-on-one slots", "Time partners offer at an event, booked by confirmed student and faculty registrants.").DescribeProblems();
        slots.MapPost("/", CreateAsync).WithName("CreateSlot").WithSummary("A partner offers 15 to 60 minutes inside the event")
            .RequireAuthorization(RoleRules.SlotHosts.Policy)
            .Refuses(RuleKind.Forbidden, "partner_without_organization")
            .Refuses(RuleKind.NotFound, "event_not_found")
            .Refuses(RuleKind.Conflict, "slot_overlaps");
        slots.MapGet("/", ListAsync).WithName("ListSlots").WithSummary("The event's slots by start time; ?available=true for those still bookable")
            .Refuses(RuleKind.NotFound, "event_not_found");
        slots.MapGet("/{id:guid}", GetAsync).WithName("GetSlot").WithSummary("One slot")
            .Refuses(RuleKind.NotFound, "slot_not_found");
        slots.MapPost("/{id:guid}/book", BookAsync).WithName("BookSlot").WithSummary("A confirmed student or faculty registrant books a slot")
            .Refuses(RuleKind.Forbidden, "not_confirmed_registrant")
            .Refuses(RuleKind.NotFound, "slot_not_found")
            .Refuses(RuleKind.Conflict, "booking_overlaps", "organization_already_booked", "slot_booked", "slot_started");
        slots.MapPost("/{id:guid}/cancel-booking", CancelBookingAsync).WithName("CancelBooking").WithSummary("The booker or the slot's partner frees it")
            .Refuses(RuleKind.Forbidden, "not_slot_party")
            .Refuses(RuleKind.NotFound, "slot_not_found")
            .Refuses(RuleKind.Conflict, "slot_not_booked");
        slots.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteSlot").WithSummary("The slot's partner withdraws an unbooked slot")
            .Refuses(RuleKind.Forbidden, "not_slot_partner")
            .Refuses(RuleKind.NotFound, "slot_not_found")
            .Refuses(RuleKind.Conflict, "slot_booked");
        return app;
    }

    /// <summary>
    /// A slot lies inside the event, as the contract asks (not only inside its working sessions: an event may have none
    /// yet). The event's row is held (<c>FOR KEY SHARE</c>) while the slot is written: a change of the event's times,
    /// which locks it <c>FOR UPDATE</c>, waits for the slot and then sees it, while registrations go on.
    /// </summary>
    public static async Task<Created<SlotDto>> CreateAsync(
        Guid eventId, SlotRequest request, Caller caller, EventsDbContext db, RegistrationDesk desk, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organizationId = caller.OrganizationId ?? throw DomainRuleException.Forbidden("partner_without_organization", "Your token names no organization.");
        var (startsAt, endsAt) = (EventRequest.Stored(request.StartsAt), EventRequest.Stored(request.EndsAt));
        var length = endsAt - startsAt;
        var slot = await db.InTransactionAsync(async ct =>
        {
            var locked = await desk.LockEventAsync(eventId, ct, RowLock.KeyShare);
            new FieldErrors()
                .When(startsAt is null, "startsAt", "startsAt is required.")
                .When(endsAt is null, "endsAt", "endsAt is required.")
                .When(length is { } l && (l < Slot.MinLength || l > Slot.MaxLength), "endsAt", "A slot lasts 15 to 60 minutes.")
                .When(startsAt < locked.StartsAt || endsAt > locked.EndsAt, "startsAt", "A slot lies inside the event.")
                .ThrowIfAny();

            var slot = Slot.Create(eventId, caller.Id, caller.Name, organizationId, startsAt!.Value, endsAt!.Value, clock.GetUtcNow());
            db.Slots.Add(slot);
            db.AddIntegrationEvent(new SlotOffered(slot.ToSnapshot(), slot.CreatedAt));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { ConstraintName: SlotConstraints.PartnerSlotsApart })
            {
                throw DomainRuleException.Conflict("slot_overlaps", "You already offer a slot that overlaps this time.");
            }

            return slot;
        }, cancellationToken);
        return TypedResults.Created($"/api/events/{eventId}/slots/{slot.Id}", ToDto(slot, caller));
    }

    /// <summary>Slots in start order (the list's own order, as the contract allows), with keyset pages.</summary>
    public static async Task<Ok<Page<SlotDto>>> ListAsync(
        Guid eventId, bool? available, int? limit, string? cursor, Caller caller, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var take = PageRequest.Limit(limit);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            throw DomainRuleException.NotFound("event");
        }

        var slots = db.Slots.AsNoTracking().Where(s => s.EventId == eventId);
        if (available == true)
        {
            var now = clock.GetUtcNow();
            slots = slots.Where(s => s.BookedBy == null && s.StartsAt > now);
        }

        if (PageRequest.DecodeNewestFirst(cursor) is var (startsAt, lastId))
        {
            slots = slots.Where(s => s.StartsAt > startsAt || (s.StartsAt == startsAt && s.Id.CompareTo(lastId) > 0));
        }

        var page = await slots.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = page.Count > take ? PageRequest.EncodeNewestFirst(page[take - 1].StartsAt, page[take - 1].Id) : null;
        return TypedResults.Ok(new Page<SlotDto>(page.Take(take).Select(s => ToDto(s, caller)).ToList(), next));
    }

    public static async Task<Ok<SlotDto>> GetAsync(Guid eventId, Guid id, Caller caller, EventsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDto(await FindAsync(db, eventId, id, cancellationToken), caller));

    public static async Task<Ok<SlotDto>> BookAsync(
        Guid eventId, Guid id, Caller caller, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var slot = await FindAsync(db, eventId, id, cancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            await db.InTransactionAsync(async ct =>
            {
                // The registration is locked while the slot is booked, so a cancellation cannot slip in between.
                var registration = await db.Registrations
                    .FromSql($"""
                        SELECT * FROM registrations
                        WHERE event_id = {eventId} AND attendee_id = {caller.Id} AND status IN ('confirmed', 'checked_in') AND audience IN ('student', 'faculty')
                        FOR SHARE
                        """)
                    .FirstOrDefaultAsync(ct)
                    ?? throw DomainRuleException.Forbidden("not_confirmed_registrant", "Only confirmed student and faculty registrants book slots.");
                if (slot.StartsAt <= now)
                {
                    throw DomainRuleException.Conflict("slot_started", "The slot has already started.");
                }

                var booked = await db.Database.ExecuteSqlAsync($"""
                    UPDATE slots SET booked_by = {caller.Id}, booked_by_name = {caller.Name}, booked_registration_id = {registration.Id}, booked_at = {now},
                        version = version + 1
                    WHERE id = {id} AND event_id = {eventId} AND booked_by IS NULL
                    """, ct);
                if (booked == 1)
                {
                    db.AddIntegrationEvent(new SlotBooked((await FindAsync(db, eventId, id, ct)).ToSnapshot(), now));
                }

                // No row changed: someone else holds it, or this caller already does (a retried request).
                if (booked == 0 && (await FindAsync(db, eventId, id, ct)).BookedBy != caller.Id)
                {
                    throw DomainRuleException.Conflict("slot_booked", "Someone else booked this slot.");
                }

                return booked;
            }, cancellationToken);
        }
        catch (PostgresException exception) when (exception.ConstraintName == SlotConstraints.BookingsApart)
        {
            throw DomainRuleException.Conflict("booking_overlaps", "You already booked a slot at this time.");
        }
        catch (PostgresException exception) when (exception.ConstraintName == SlotConstraints.OnePerOrganization)
        {
            throw DomainRuleException.Conflict("organization_already_booked", "You already booked a slot with this organization.");
        }

        return TypedResults.Ok(ToDto(await FindAsync(db, eventId, id, cancellationToken), caller));
    }

    public static async Task<Ok<SlotDto>> CancelBookingAsync(
        Guid eventId, Guid id, Caller caller, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var slot = await FindAsync(db, eventId, id, cancellationToken);
        if (slot.PartnerId != caller.Id && slot.BookedBy != caller.Id)
        {
            // Before the state check, so a stranger learns nothing of the slot's bookings.
            throw DomainRuleException.Forbidden("not_slot_party", "Only the booker or the slot's partner cancels a booking.");
        }

        if (slot.BookedBy is null)
        {
            throw DomainRuleException.Conflict("slot_not_booked", "The slot has no booking.");
        }

        await db.InTransactionAsync(async ct =>
        {
            var released = await db.Slots
                .FromSql($"""
                    UPDATE slots SET booked_by = NULL, booked_by_name = NULL, booked_registration_id = NULL, booked_at = NULL, version = version + 1
                    WHERE id = {id} AND booked_by = {slot.BookedBy}
                    RETURNING *
                    """)
                .AsNoTracking().ToListAsync(ct);
            SlotEvents.Released(db, released, clock.GetUtcNow());
            return released.Count;
        }, cancellationToken);
        return TypedResults.Ok(ToDto(await FindAsync(db, eventId, id, cancellationToken), caller));
    }

    public static async Task<NoContent> DeleteAsync(
        Guid eventId, Guid id, Caller caller, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var slot = await FindAsync(db, eventId, id, cancellationToken);
        if (slot.PartnerId != caller.Id)
        {
            throw DomainRuleException.Forbidden("not_slot_partner", "Only the slot's partner withdraws it.");
        }

        var deleted = await db.InTransactionAsync(async ct =>
        {
            var withdrawn = await db.Slots.FromSql($"DELETE FROM slots WHERE id = {id} AND booked_by IS NULL RETURNING *").AsNoTracking().ToListAsync(ct);
            foreach (var gone in withdrawn)
            {
                // Withdrawing is the slot's last change: one version past the row that was deleted.
                db.AddIntegrationEvent(new SlotWithdrawn(gone.ToSnapshot() with { Version = gone.Version + 1 }, clock.GetUtcNow()));
            }

            return withdrawn.Count;
        }, cancellationToken);
        return deleted == 1 ? TypedResults.NoContent() : throw DomainRuleException.Conflict("slot_booked", "A booked slot cannot be withdrawn; cancel the booking first.");
    }

    private static async Task<Slot> FindAsync(EventsDbContext db, Guid eventId, Guid id, CancellationToken cancellationToken) =>
        await db.Slots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.EventId == eventId, cancellationToken) ?? throw DomainRuleException.NotFound("slot");

    private static SlotDto ToDto(Slot slot, Caller caller)
    {
        var seesBooker = caller.IsCoordinator || slot.PartnerId == caller.Id || slot.BookedBy == caller.Id;
        return new SlotDto(slot.Id, slot.EventId, slot.PartnerId, slot.PartnerName, slot.OrganizationId, slot.StartsAt, slot.EndsAt, slot.Booked,
            seesBooker ? slot.BookedBy : null, seesBooker ? slot.BookedByName : null);
    }
}
