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

namespace MicroInternships.Events.Apis;

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/events").WithTag("Events", "The Winter Institute and other events: fees, registration deadlines and the agenda.").DescribeProblems();
        events.MapPost("/", CreateAsync).WithName("CreateEvent").WithSummary("Create an event with its fees and registration instants")
            .RequireAuthorization(RoleRules.Coordinators.Policy);
        events.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateEvent").WithSummary("Replace an event's fields; more capacity promotes the waitlist")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "event_not_found")
            .Refuses(RuleKind.Conflict, "capacity_below_confirmed");
        events.MapPost("/{id:guid}/sessions", AddSessionAsync).WithName("AddSession").WithSummary("Add a session to the agenda")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "event_not_found");
        events.MapGet("/", ListAsync).WithName("ListEvents").WithSummary("Events, newest first");
        events.MapGet("/{id:guid}", GetAsync).WithName("GetEvent").WithSummary("One event with its agenda")
            .Refuses(RuleKind.NotFound, "event_not_found");
        events.MapGet("/{id:guid}/calendar.ics", CalendarExport.GetAsync).WithName("EventCalendar").AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary("The agenda as iCalendar, in the event's time zone; no token needed")
            .Refuses(RuleKind.NotFound, "event_not_found");
        return app;
    }

    public static async Task<Created<EventDto>> CreateAsync(EventRequest request, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var created = Event.Create(request.ToTerms(), clock.GetUtcNow());
        db.Events.Add(created);
        db.AddIntegrationEvent(new EventCreated(created.ToSnapshot(), created.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/events/{created.Id}", created.ToDto());
    }

    public static async Task<Ok<EventDto>> UpdateAsync(
        Guid id, EventRequest request, HttpContext http, EventsDbContext db, RegistrationDesk desk, TimeProvider clock, CancellationToken cancellationToken)
    {
        var terms = request.ToTerms();
        var updated = await db.InTransactionAsync(async ct =>
        {
            // FOR UPDATE, not the registrations' weaker lock: a slot being written holds the row FOR KEY SHARE, and the
            // times must not change under it.
            var locked = await desk.LockEventAsync(id, ct, RowLock.Update);
            http.EnsureVersionMatches(locked.Version, "event");
            if (!request.ProposalsCloseAtGiven)
            {
                terms = terms with { ProposalsCloseAt = locked.ProposalsCloseAt };
                if (terms.ProposalsCloseAt > terms.StartsAt)
                {
                    throw ValidationException.For("proposalsCloseAt", "The call for proposals would close after the event starts; move it too.");
                }
            }

            await db.Entry(locked).Collection(e => e.Sessions).LoadAsync(ct);
            if (await db.Slots.AnyAsync(s => s.EventId == id && (s.StartsAt < terms.StartsAt || s.EndsAt > terms.EndsAt), ct))
            {
                throw ValidationException.For("startsAt", "A partner's one-on-one slot would lie outside the event; move or withdraw it first.");
            }

            var now = clock.GetUtcNow();
            locked.Update(terms);
            db.AddIntegrationEvent(new EventUpdated(locked.ToSnapshot(), now));
            await desk.PromoteAsync(locked, now, ct);
            return locked;
        }, cancellationToken);
        return TypedResults.Ok(updated.ToDto());
    }

    public static async Task<Created<SessionDto>> AddSessionAsync(
        Guid id, SessionRequest request, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await db.Events.Include(e => e.Sessions).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw DomainRuleException.NotFound("event");
        var (startsAt, endsAt) = request.Validate(found);
        var session = found.AddSession(request.Title!.Trim(), request.Kind!.Value, startsAt, endsAt, request.Room?.Trim(), request.ToPresenters(), request.Capacity);
        db.AddIntegrationEvent(new EventUpdated(found.ToSnapshot(), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/events/{id}", session.ToDto());
    }

    public static async Task<Ok<Page<EventDto>>> ListAsync(int? limit, string? cursor, EventsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Events.AsNoTracking().Include(e => e.Sessions).ToPageAsync(limit, cursor, EventMapping.ToDto, cancellationToken));

    public static async Task<Ok<EventDto>> GetAsync(Guid id, EventsDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().Include(e => e.Sessions).FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("event");
        return TypedResults.Ok(found.ToDto());
    }
}
