using System.Globalization;
using System.Text;
using CsvHelper;
using MicroInternships.Contracts.Events;
using MicroInternships.Events.Data;
using MicroInternships.Events.Domain;
using MicroInternships.Events.Registrations;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Idempotency;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Events.Apis;

public sealed record RegisterRequest(Audience? Audience);

internal sealed record PositionedRegistration(Registration Registration, int? Position);

public static class RegistrationsApi
{
    public static IEndpointRouteBuilder MapRegistrationsApi(this IEndpointRouteBuilder app)
    {
        var registrations = app.MapGroup("/events/{eventId:guid}").WithTag("Registrations", "Registrations for an event: confirmed while seats last, then waitlisted in arrival order.").DescribeProblems();
        registrations.MapPost("/registrations", RegisterAsync).WithName("Register")
            .WithSummary("Register: confirmed while seats are left, waitlisted in arrival order after that")
            .RequireAuthorization(RoleRules.Registrants.Policy)
            .Refuses(RuleKind.NotFound, "event_not_found")
            .Refuses(RuleKind.Conflict, "no_fee_for_audience", "registration_closed", "registration_exists", "registration_not_open")
            .CommitsOutsideTheRequestTransaction();
        registrations.MapGet("/registrations/me", MineAsync).WithName("MyRegistration").WithSummary("The caller's registration for the event")
            .Refuses(RuleKind.NotFound, "registration_not_found");
        registrations.MapPost("/registrations/{id:guid}/cancel", CancelAsync).WithName("CancelRegistration")
            .WithSummary("Cancel a registration; its seat goes to the first waitlisted")
            .Refuses(RuleKind.NotFound, "event_not_found", "registration_not_found")
            .Refuses(RuleKind.Conflict, "registration_checked_in", "registration_wrong_state");
        registrations.MapPost("/registrations/{id:guid}/check-in", CheckInAsync).WithName("CheckIn").WithSummary("Check a confirmed registrant in")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "registration_not_found")
            .Refuses(RuleKind.Conflict, "registration_wrong_state");
        registrations.MapGet("/registrations", ListAsync).WithName("ListRegistrations").WithSummary("Registrations in arrival order")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "event_not_found");
        registrations.MapGet("/registrations.csv", ExportAsync).WithName("ExportRegistrations")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Registrants as CSV (RFC 4180, UTF-8, no e-mail addresses, formula-safe)")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "event_not_found");
        return app;
    }

    public static async Task<Created<RegistrationDto>> RegisterAsync(
        Guid eventId, RegisterRequest? request, Caller caller, RegistrationIntake intake, CancellationToken cancellationToken)
    {
        var audience = AudienceOf(caller);
        if (request?.Audience is { } asked && asked != audience)
        {
            throw ValidationException.For("audience", $"Your role registers you as {WireName.Of(audience)}.");
        }

        var (registration, position) = await intake.RegisterAsync(eventId, caller.Id, caller.Name, audience, cancellationToken);
        return TypedResults.Created($"/api/events/{eventId}/registrations/me", registration.ToDto(position));
    }

    public static async Task<Ok<RegistrationDto>> MineAsync(Guid eventId, Caller caller, EventsDbContext db, CancellationToken cancellationToken)
    {
        var mine = await WithPositions(db, db.Registrations.AsNoTracking()
                .Where(r => r.EventId == eventId && r.AttendeeId == caller.Id)
                .OrderByDescending(r => r.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken) ?? throw DomainRuleException.NotFound("registration");
        return TypedResults.Ok(mine.Registration.ToDto(mine.Position));
    }

    public static async Task<Ok<RegistrationDto>> CancelAsync(
        Guid eventId, Guid id, Caller caller, EventsDbContext db, RegistrationDesk desk, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cancelled = await db.InTransactionAsync(async ct =>
        {
            var locked = await desk.LockEventAsync(eventId, ct);
            var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == id && r.EventId == eventId, ct);
            if (registration is null || !(caller.IsCoordinator || registration.AttendeeId == caller.Id))
            {
                throw DomainRuleException.NotFound("registration");
            }

            await desk.CancelAsync(locked, registration, clock.GetUtcNow(), ct);
            return registration;
        }, cancellationToken);
        return TypedResults.Ok(cancelled.ToDto(null));
    }

    public static async Task<Ok<RegistrationDto>> CheckInAsync(
        Guid eventId, Guid id, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == id && r.EventId == eventId, cancellationToken)
            ?? throw DomainRuleException.NotFound("registration");
        var now = clock.GetUtcNow();
        registration.CheckIn(now);
        db.AddIntegrationEvent(new RegistrationCheckedIn(registration.ToSnapshot(null), now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(registration.ToDto(null));
    }

    public static async Task<Ok<Page<RegistrationDto>>> ListAsync(
        Guid eventId, string? status, int? limit, string? cursor, EventsDbContext db, CancellationToken cancellationToken)
    {
        var filter = EnumFilter.Parse<RegistrationStatus>(status, "status");
        var take = PageRequest.Limit(limit);
        await EnsureEventAsync(db, eventId, cancellationToken);
        var registrations = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId);
        if (filter is not null)
        {
            registrations = registrations.Where(r => r.Status == filter);
        }

        if (PageRequest.DecodeNewestFirst(cursor) is var (createdAt, lastId))
        {
            registrations = registrations.Where(r => r.CreatedAt > createdAt || (r.CreatedAt == createdAt && r.Id.CompareTo(lastId) > 0));
        }

        var page = await WithPositions(db, registrations.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(take + 1)).ToListAsync(cancellationToken);
        var items = page.Take(take).Select(p => p.Registration.ToDto(p.Position)).ToList();
        var next = page.Count > take ? PageRequest.EncodeNewestFirst(page[take - 1].Registration.CreatedAt, page[take - 1].Registration.Id) : null;
        return TypedResults.Ok(new Page<RegistrationDto>(items, next));
    }

    public static async Task<IResult> ExportAsync(Guid eventId, EventsDbContext db, CancellationToken cancellationToken)
    {
        await EnsureEventAsync(db, eventId, cancellationToken);
        var registrations = await WithPositions(db, db.Registrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id))
            .ToListAsync(cancellationToken);

        // CsvHelper quotes per RFC 4180 and prefixes cells a spreadsheet would read as a formula (=, +, -, @, tab, CR) with '.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, InjectionCharacters = "=+-@\t\r", InjectionEscape = '\'', NewLine = "\r\n" };
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            csv.WriteRecord(["registrationId", "attendeeId", "attendeeName", "audience", "status", "tier", "feeCents", "waitlistPosition", "registeredAt"]);
            foreach (var (r, position) in registrations)
            {
                csv.WriteRecord([
                    r.Id.ToString(), r.AttendeeId, r.AttendeeName, WireName.Of(r.Audience), WireName.Of(r.Status), WireName.Of(r.Tier),
                    r.FeeCents.ToString(CultureInfo.InvariantCulture), position?.ToString(CultureInfo.InvariantCulture) ?? "",
                    r.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)]);
            }
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"registrations-{eventId}.csv");
    }

    private static Audience AudienceOf(Caller caller) => caller.Role switch
    {
        Roles.Student => Audience.Student,
        Roles.Faculty => Audience.Faculty,
        Roles.Partner => Audience.Partner,
        Roles.Coordinator => Audience.Staff,
        _ => throw new InvalidOperationException($"The registrants' rule let a {caller.Role} through."),
    };

    /// <summary>Each registration with its place in line, computed in the same statement, so the two always agree.</summary>
    private static IQueryable<PositionedRegistration> WithPositions(EventsDbContext db, IQueryable<Registration> registrations) =>
        registrations.Select(r => new PositionedRegistration(
            r,
            r.Status == RegistrationStatus.Waitlisted
                ? db.Registrations.Count(w => w.EventId == r.EventId && w.Status == RegistrationStatus.Waitlisted && w.WaitlistNumber <= r.WaitlistNumber)
                : null));

    private static async Task EnsureEventAsync(EventsDbContext db, Guid eventId, CancellationToken cancellationToken)
    {
        if (!await db.Events.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            throw DomainRuleException.NotFound("event");
        }
    }
}
