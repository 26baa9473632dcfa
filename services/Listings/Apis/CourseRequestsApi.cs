using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Apis;

public sealed record CourseRequestAsk(Guid? CourseId, string? Message);

public sealed record CourseRequestDto(
    Guid Id, Guid ListingId, Guid CourseId, Guid OrganizationId, string PartnerId, string FacultyId, string Message,
    CourseRequestStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

/// <summary>Partners ask faculty to adopt their listings; faculty (or coordinators) accept, which links them, or decline.</summary>
public static class CourseRequestsApi
{
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
        var listing = await db.FindManagedAsync(id, caller, cancellationToken);
        caller.Require(RoleRules.CourseRequesters);

        new FieldErrors()
            .When(body.CourseId is null, "courseId", "courseId is required.")
            .Length("message", body.Message, 1, 2000, required: false)
            .ThrowIfAny();
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == body.CourseId, cancellationToken)
            ?? throw ValidationException.For("courseId", "courseId names no course.");
        if (listing.Status != ListingStatus.Open)
        {
            throw DomainRuleException.Conflict("listing_not_open", "Only an open listing can be offered to a course.");
        }

        if (listing.CourseLinks.Any(l => l.CourseId == course.Id))
        {
            throw DomainRuleException.Conflict("already_linked", "The listing is already part of this course.");
        }

        if (await db.CourseRequests.AnyAsync(r => r.ListingId == listing.Id && r.CourseId == course.Id && r.Status == CourseRequestStatus.Pending, cancellationToken))
        {
            throw DomainRuleException.Conflict("request_pending", "A request for this listing and course is already waiting for an answer.");
        }

        var request = CourseRequest.Ask(listing, course, caller.Id, body.Message?.Trim() ?? "", clock.GetUtcNow());
        db.CourseRequests.Add(request);
        db.AddIntegrationEvent(new CourseRequestMade(request.ToSnapshot(), request.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/course-requests/{request.Id}", request.ToDto());
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
        DecideAsync(id, accept: true, caller, db, clock, cancellationToken);

    public static Task<Ok<CourseRequestDto>> DeclineAsync(Guid id, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, accept: false, caller, db, clock, cancellationToken);

    private static async Task<Ok<CourseRequestDto>> DecideAsync(Guid id, bool accept, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var visible = VisibleTo(db.CourseRequests, caller) ?? throw DomainRuleException.NotFound("course_request");
        var request = await visible.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw DomainRuleException.NotFound("course_request");
        if (!caller.IsCoordinator && !(caller.IsFaculty && request.FacultyId == caller.Id))
        {
            throw DomainRuleException.Forbidden("not_course_faculty", "Only the course's faculty member or a coordinator answers a request.");
        }

        var now = clock.GetUtcNow();
        request.Decide(accept, now);
        db.AddIntegrationEvent(new CourseRequestAnswered(request.ToSnapshot(), now));
        if (accept)
        {
            var course = await db.FindCourseAsync(request.CourseId, cancellationToken);
            var listing = await db.Listings.WithDetails().FirstAsync(l => l.Id == request.ListingId, cancellationToken);
            CourseLinking.Link(db, course, listing, now);
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
        request.Id, request.ListingId, request.CourseId, request.OrganizationId, request.PartnerId, request.FacultyId, request.Message,
        request.Status, request.CreatedAt, request.DecidedAt);
}
