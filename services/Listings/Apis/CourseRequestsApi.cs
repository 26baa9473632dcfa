using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.OpenApi;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Apis;

/// <summary>A request to a course, or, with <see cref="NeedId"/>, a proposal for one of its needs (the course is the need's).</summary>
public sealed record CourseRequestAsk(Guid? CourseId, string? Message, Guid? NeedId = null);

/// <summary>A faculty member's answer; a decline may say why, for the partner.</summary>
public sealed record CourseRequestAnswer(string? Note);

public sealed record CourseRequestDto(
    Guid Id, Guid ListingId, Guid CourseId, Guid? NeedId, Guid OrganizationId, string PartnerId, string FacultyId, string Message,
    CourseRequestStatus Status, string? DeclineNote, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

/// <summary>Partners ask faculty to adopt their listings; faculty (or coordinators) accept, which links them, or decline.</summary>
public static class CourseRequestsApi
{
    /// <summary>Pending requests an organization may have at once: faculty answer each by hand.</summary>
    public const int MaxPendingPerOrganization = 10;

    public static IEndpointRouteBuilder MapCourseRequestsApi(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/course-requests").WithTag("Course requests", "Partners ask faculty to build a listing into a course; faculty or coordinators accept or decline.").DescribeProblems();
        requests.MapGet("/", ListAsync).WithName("ListCourseRequests").WithSummary("Requests to or from the caller, newest first")
            .Refuses(RuleKind.Forbidden, "not_involved");
        requests.MapPost("/{id:guid}/accept", AcceptAsync).WithName("AcceptCourseRequest").WithSummary("Adopt the listing into the course")
            .Refuses(RuleKind.NotFound, "course_not_found", "course_request_not_found")
            .Refuses(RuleKind.Forbidden, "not_course_faculty")
            .Refuses(RuleKind.Conflict, "listing_not_open", "request_not_pending");
        requests.MapPost("/{id:guid}/decline", DeclineAsync).WithName("DeclineCourseRequest").WithSummary("Decline the request")
            .Refuses(RuleKind.NotFound, "course_request_not_found")
            .Refuses(RuleKind.Forbidden, "not_course_faculty")
            .Refuses(RuleKind.Conflict, "request_not_pending");
        return app;
    }

    public static async Task<Created<CourseRequestDto>> AskAsync(Guid id, CourseRequestAsk body, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.FindManagedAsync(id, caller, cancellationToken);
        caller.Require(RoleRules.CourseRequesters);
        new FieldErrors()
            .When(body.CourseId is null && body.NeedId is null, "courseId", "courseId is required (or needId, to propose the listing for a course's need).")
            .Length("message", body.Message, 1, 2000, required: false)
            .ThrowIfAny();

        var request = await db.InTransactionAsync(async ct =>
        {
            var listing = await db.FindManagedAsync(id, caller, ct);
            // Asks of one organization queue here, so its pending count and one-per-listing-and-course hold under races.
            await db.LockRowAsync<Organization>(listing.OrganizationId, ct);
            var need = await NeedOfAsync(db, body, ct);
            var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == (need == null ? body.CourseId : need.CourseId), ct)
                ?? throw ValidationException.For("courseId", "courseId names no course.");
            need?.RequireOpen();
            if (listing.Status != ListingStatus.Open)
            {
                throw DomainRuleException.Conflict("listing_not_open", "Only an open listing can be offered to a course.");
            }

            if (listing.CourseLinks.Any(l => l.CourseId == course.Id))
            {
                throw DomainRuleException.Conflict("already_linked", "The listing is already part of this course.");
            }

            var pending = db.CourseRequests.Where(r => r.OrganizationId == listing.OrganizationId && r.Status == CourseRequestStatus.Pending);
            if (await pending.AnyAsync(r => r.ListingId == listing.Id && r.CourseId == course.Id, ct))
            {
                throw DomainRuleException.Conflict("request_pending", "A request for this listing and course is already waiting for an answer.");
            }

            if (await pending.CountAsync(ct) >= MaxPendingPerOrganization)
            {
                throw DomainRuleException.Conflict("too_many_pending_requests",
                    $"Your organization has {MaxPendingPerOrganization} requests waiting for faculty; wait for answers before asking again.");
            }

            var made = CourseRequest.Ask(listing, course, need, caller.Id, body.Message?.Trim() ?? "", clock.GetUtcNow());
            db.CourseRequests.Add(made);
            db.AddIntegrationEvent(new CourseRequestMade(made.ToSnapshot(), made.CreatedAt));
            return made;
        }, cancellationToken);
        return TypedResults.Created($"/api/course-requests/{request.Id}", request.ToDto());
    }

    /// <summary>The need a proposal names, whose course it goes to; a <c>courseId</c> sent with it must be that course.</summary>
    private static async Task<CourseNeed?> NeedOfAsync(ListingsDbContext db, CourseRequestAsk body, CancellationToken cancellationToken)
    {
        if (body.NeedId is not { } needId)
        {
            return null;
        }

        var need = await db.CourseNeeds.FirstOrDefaultAsync(n => n.Id == needId, cancellationToken)
            ?? throw ValidationException.For("needId", "needId names no course need.");
        return body.CourseId is { } named && named != need.CourseId
            ? throw ValidationException.For("courseId", "courseId is not the course of the need named by needId; leave it out.")
            : need;
    }

    public static async Task<Ok<Page<CourseRequestDto>>> ListAsync(string? status, int? limit, string? cursor, Caller caller, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var filter = CourseRequestStatus.Pending;
        new FieldErrors().When(status is not null && !WireName.TryParse(status, out filter), "status", "status must be pending, accepted or declined.").ThrowIfAny();
        var requests = VisibleTo(db.CourseRequests.AsNoTracking(), caller)
            ?? throw DomainRuleException.Forbidden("not_involved", "Course requests are between partners, faculty and coordinators.");
        if (status is not null)
        {
            requests = requests.Where(r => r.Status == filter);
        }

        return TypedResults.Ok(await requests.ToPageAsync(limit, cursor, r => r.ToDto(), cancellationToken));
    }

    public static Task<Ok<CourseRequestDto>> AcceptAsync(Guid id, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, accept: true, note: null, caller, db, clock, cancellationToken);

    public static Task<Ok<CourseRequestDto>> DeclineAsync(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CourseRequestAnswer? answer, Caller caller, ListingsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        new FieldErrors().Length("note", answer?.Note, 1, 2000, required: false).ThrowIfAny();
        return DecideAsync(id, accept: false, string.IsNullOrWhiteSpace(answer?.Note) ? null : answer.Note.Trim(), caller, db, clock, cancellationToken);
    }

    private static async Task<Ok<CourseRequestDto>> DecideAsync(
        Guid id, bool accept, string? note, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var visible = VisibleTo(db.CourseRequests, caller) ?? throw DomainRuleException.NotFound("course_request");
        var request = await visible.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw DomainRuleException.NotFound("course_request");
        if (!caller.IsCoordinator && !(caller.IsFaculty && request.FacultyId == caller.Id))
        {
            throw DomainRuleException.Forbidden("not_course_faculty", "Only the course's faculty member or a coordinator answers a request.");
        }

        var now = clock.GetUtcNow();
        request.Decide(accept, note, now);
        db.AddIntegrationEvent(new CourseRequestAnswered(request.ToSnapshot(), now));
        if (accept)
        {
            var course = await db.FindCourseAsync(request.CourseId, cancellationToken);
            var listing = await db.Listings.WithDetails().FirstAsync(l => l.Id == request.ListingId, cancellationToken);
            CourseLinking.Link(db, course, listing, now);
            if (request.NeedId is { } needId && await db.CourseNeeds.FirstAsync(n => n.Id == needId, cancellationToken) is var need && need.CountAccepted(now))
            {
                db.AddIntegrationEvent(new CourseNeedUpdated(need.ToSnapshot(), now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(request.ToDto());
    }

    /// <summary>Faculty see requests to their courses, partners their organization's, coordinators all; null for anyone else.</summary>
    private static IQueryable<CourseRequest>? VisibleTo(IQueryable<CourseRequest> requests, Caller caller) => caller switch
    {
        { IsCoordinator: true } => requests,
        { IsFaculty: true } => requests.Where(r => r.FacultyId == caller.Id),
        { IsPartner: true, OrganizationId: { } own } => requests.Where(r => r.OrganizationId == own),
        _ => null,
    };

    private static CourseRequestDto ToDto(this CourseRequest request) => new(
        request.Id, request.ListingId, request.CourseId, request.NeedId, request.OrganizationId, request.PartnerId, request.FacultyId, request.Message,
        request.Status, request.DeclineNote, request.CreatedAt, request.DecidedAt);
}
