using MicroInternships.Contracts.Events;
using MicroInternships.Events.Data;
using MicroInternships.Events.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Events.Apis;

public sealed record ProposalRequest(string? Title, string? Abstract, TalkType? Type, Guid? CourseId);

/// <summary>Where and when an accepted talk is on the agenda; without a capacity it is open to everyone at the event.</summary>
public sealed record ProposalAcceptance(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Room, int? Capacity);

public sealed record ProposalDecline(string? Note);

/// <summary>A proposal as its proposer and coordinators see it; <see cref="DecisionNote"/> is the coordinator's word on a decline.</summary>
public sealed record TalkProposalDto(
    Guid Id, Guid EventId, string ProposerId, string ProposerName, Audience ProposerRole, string Title, string Abstract, TalkType Type, Guid? CourseId,
    ProposalStatus Status, string? DecisionNote, DateTimeOffset? DecidedAt, Guid? SessionId, DateTimeOffset CreatedAt, long Version) : ICreatedInOrder;

/// <summary>
/// The call for proposals: registrants propose reflection talks until the event's <c>proposalsCloseAt</c>; coordinators
/// accept them onto the agenda, with the proposer as presenter, or decline them with a note.
/// </summary>
public static class ProposalsApi
{
    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapGroup("/events/{eventId:guid}/proposals")
            .WithTag("Talk proposals", "Registrants propose reflection talks; coordinators put them on the agenda or decline them.")
            .DescribeProblems();
        proposals.MapPost("/", SubmitAsync).WithName("ProposeTalk").WithSummary("Propose a reflection talk (a student, faculty or partner registrant)")
            .RequireAuthorization(RoleRules.Proposers.Policy)
            .Refuses(RuleKind.Forbidden, "not_registrant")
            .Refuses(RuleKind.NotFound, "event_not_found")
            .Refuses(RuleKind.Conflict, "proposals_not_open", "proposals_closed");
        proposals.MapGet("/", ListAsync).WithName("ListProposals").WithSummary("The event's proposals, newest first: all for coordinators, their own for others")
            .Refuses(RuleKind.NotFound, "event_not_found");
        proposals.MapPost("/{id:guid}/accept", AcceptAsync).WithName("AcceptProposal")
            .WithSummary("Put a proposed talk on the agenda, with its proposer as presenter")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "event_not_found", "proposal_not_found")
            .Refuses(RuleKind.Conflict, "proposal_decided");
        proposals.MapPost("/{id:guid}/decline", DeclineAsync).WithName("DeclineProposal").WithSummary("Decline a proposed talk, with a note for its proposer")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "proposal_not_found")
            .Refuses(RuleKind.Conflict, "proposal_decided");
        return app;
    }

    public static async Task<Created<TalkProposalDto>> SubmitAsync(
        Guid eventId, ProposalRequest request, Caller caller, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var happening = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken) ?? throw DomainRuleException.NotFound("event");
        var registration = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.AttendeeId == caller.Id && Registration.ActiveStatuses.Contains(r.Status))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainRuleException.Forbidden("not_registrant", "Only people registered for the event propose talks for it.");
        new FieldErrors()
            .Length("title", request.Title, 3, 160)
            .Length("abstract", request.Abstract, 20, 3000)
            .When(request.Type is null, "type", "type is required: student_reflection, faculty_implementation or partner_assessment.")
            .When(request.Type is { } type && type != TypeFor(registration.Audience), "type", $"As a {WireName.Of(registration.Audience)} registrant you propose a {WireName.Of(TypeFor(registration.Audience))} talk.")
            .ThrowIfAny();
        var now = clock.GetUtcNow();
        happening.EnsureProposalsOpen(now);

        var proposal = TalkProposal.Submit(
            eventId, caller.Id, registration.AttendeeName, registration.Audience, request.Title!.Trim(), request.Abstract!.Trim(), request.Type!.Value,
            request.CourseId, now);
        db.TalkProposals.Add(proposal);
        db.AddIntegrationEvent(new TalkProposalSubmitted(proposal.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/events/{eventId}/proposals", proposal.ToDto());
    }

    public static async Task<Ok<Page<TalkProposalDto>>> ListAsync(
        Guid eventId, string? status, int? limit, string? cursor, Caller caller, EventsDbContext db, CancellationToken cancellationToken)
    {
        var wanted = EnumFilter.Parse<ProposalStatus>(status, "status");
        if (!await db.Events.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            throw DomainRuleException.NotFound("event");
        }

        var proposals = db.TalkProposals.AsNoTracking().Where(p => p.EventId == eventId && (caller.IsCoordinator || p.ProposerId == caller.Id));
        if (wanted is { } only)
        {
            proposals = proposals.Where(p => p.Status == only);
        }

        return TypedResults.Ok(await proposals.ToPageAsync(limit, cursor, ToDto, cancellationToken));
    }

    /// <summary>One commit puts the session on the agenda (the event's next version) and records the decision.</summary>
    public static async Task<Ok<TalkProposalDto>> AcceptAsync(
        Guid eventId, Guid id, ProposalAcceptance request, Caller caller, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var happening = await db.Events.Include(e => e.Sessions).FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken)
            ?? throw DomainRuleException.NotFound("event");
        var proposal = await FindAsync(db, eventId, id, cancellationToken);
        var errors = new FieldErrors();
        var (startsAt, endsAt) = SessionTimes.Validate(errors, request.StartsAt, request.EndsAt, request.Room, happening);
        SessionRequest.Validated(errors, presenters: null, request.Capacity).ThrowIfAny();

        var now = clock.GetUtcNow();
        var session = happening.AddSession(
            proposal.Title, SessionKind.ReflectionTalk, startsAt, endsAt, request.Room?.Trim(), [proposal.Presenter], request.Capacity, proposal.Id);
        proposal.Accept(session.Id, caller.Id, now);
        db.AddIntegrationEvent(new EventUpdated(happening.ToSnapshot(), now));
        db.AddIntegrationEvent(new TalkProposalAccepted(proposal.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(proposal.ToDto());
    }

    public static async Task<Ok<TalkProposalDto>> DeclineAsync(
        Guid eventId, Guid id, ProposalDecline request, Caller caller, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        new FieldErrors().Length("note", request.Note, 1, 2000, required: false).ThrowIfAny();
        var proposal = await FindAsync(db, eventId, id, cancellationToken);
        var now = clock.GetUtcNow();
        proposal.Decline(string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), caller.Id, now);
        db.AddIntegrationEvent(new TalkProposalDeclined(proposal.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(proposal.ToDto());
    }

    /// <summary>The kind of talk each audience brings: students their reflections, faculty their implementation, partners their assessment.</summary>
    public static TalkType TypeFor(Audience audience) => audience switch
    {
        Audience.Student => TalkType.StudentReflection,
        Audience.Faculty => TalkType.FacultyImplementation,
        _ => TalkType.PartnerAssessment,
    };

    private static async Task<TalkProposal> FindAsync(EventsDbContext db, Guid eventId, Guid id, CancellationToken cancellationToken) =>
        await db.TalkProposals.FirstOrDefaultAsync(p => p.Id == id && p.EventId == eventId, cancellationToken) ?? throw DomainRuleException.NotFound("proposal");

    private static TalkProposalDto ToDto(this TalkProposal p) => new(
        p.Id, p.EventId, p.ProposerId, p.ProposerName, p.ProposerRole, p.Title, p.Abstract, p.Type, p.CourseId, p.Status, p.DecisionNote, p.DecidedAt,
        p.SessionId, p.CreatedAt, p.Version);
}
