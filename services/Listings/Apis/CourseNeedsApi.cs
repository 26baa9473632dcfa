using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Listings.Apis;

/// <summary>
/// Faculty say what their courses want; partners find the needs their listings fit and propose one (a course request
/// with the need's id). Needs are for partners, faculty and coordinators; students are 403.
/// </summary>
public static class CourseNeedsApi
{
    public static IEndpointRouteBuilder MapCourseNeedsApi(this IEndpointRouteBuilder app)
    {
        const string tag = "Course needs";
        const string about = "Faculty say what projects their courses want; partners see the needs their listings fit and propose one.";
        app.MapPost("/courses/{id:guid}/needs", PostAsync).WithTag(tag, about).DescribeProblems().WithName("PostCourseNeed")
            .WithSummary("Tell partners what projects the course wants in a term window")
            .Refuses(RuleKind.NotFound, "course_not_found")
            .Refuses(RuleKind.Forbidden, "not_course_faculty");
        app.MapGet("/courses/{id:guid}/needs", ForCourseAsync).WithTag(tag, about).DescribeProblems().WithName("ListCourseNeeds")
            .WithSummary("The course's needs, newest first")
            .Refuses(RuleKind.NotFound, "course_not_found")
            .Refuses(RuleKind.Forbidden, "not_involved");

        var needs = app.MapGroup("/course-needs").WithTag(tag, about).DescribeProblems();
        needs.MapGet("/matches", MatchesAsync).WithName("CourseNeedMatches")
            .WithSummary("Open needs ranked by how well the organization's listings fit them, best first; coordinators see all")
            .Refuses(RuleKind.Forbidden, "not_involved", "not_your_organization");
        needs.MapGet("/{id:guid}", GetAsync).WithName("GetCourseNeed").WithSummary("One course need")
            .Refuses(RuleKind.NotFound, "course_need_not_found")
            .Refuses(RuleKind.Forbidden, "not_involved");
        needs.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseCourseNeed").WithSummary("Take no more proposals")
            .Refuses(RuleKind.NotFound, "course_need_not_found")
            .Refuses(RuleKind.Forbidden, "not_course_faculty")
            .Refuses(RuleKind.Conflict, "need_not_open");
        return app;
    }

    public static async Task<Created<CourseNeedDto>> PostAsync(
        Guid id, CourseNeedRequest request, Caller caller, ListingsDbContext db, IOptions<ListingPolicy> policy, ProgramCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var course = await db.FindTaughtCourseAsync(id, caller, cancellationToken);
        var need = CourseNeed.Post(course, request.ToTerms(policy.Value, calendar.Today), clock.GetUtcNow());
        db.CourseNeeds.Add(need);
        db.AddIntegrationEvent(new CourseNeedPosted(need.ToSnapshot(), need.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/course-needs/{need.Id}", CourseNeedDto.Of(need, course));
    }

    public static async Task<Ok<Page<CourseNeedDto>>> ForCourseAsync(
        Guid id, int? limit, string? cursor, Caller caller, ListingsDbContext db, CancellationToken cancellationToken)
    {
        RequireInvolved(caller);
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw DomainRuleException.NotFound("course");
        return TypedResults.Ok(await db.CourseNeeds.AsNoTracking().Where(n => n.CourseId == id)
            .ToPageAsync(limit, cursor, need => CourseNeedDto.Of(need, course), cancellationToken));
    }

    public static async Task<Ok<CourseNeedDto>> GetAsync(Guid id, Caller caller, ListingsDbContext db, CancellationToken cancellationToken)
    {
        RequireInvolved(caller);
        var (need, course) = await FindAsync(db.CourseNeeds.AsNoTracking(), db, id, cancellationToken);
        return TypedResults.Ok(CourseNeedDto.Of(need, course));
    }

    public static async Task<Ok<CourseNeedDto>> CloseAsync(Guid id, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (need, course) = await FindAsync(db.CourseNeeds, db, id, cancellationToken);
        if (!caller.IsCoordinator && !(caller.IsFaculty && need.FacultyId == caller.Id))
        {
            throw DomainRuleException.Forbidden("not_course_faculty", "Only the course's faculty member or a coordinator closes its need.");
        }

        var now = clock.GetUtcNow();
        need.Close(now);
        db.AddIntegrationEvent(new CourseNeedUpdated(need.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CourseNeedDto.Of(need, course));
    }

    public static async Task<Ok<Matches<CourseNeedMatch>>> MatchesAsync(
        Guid? organizationId, int? limit, Caller caller, ListingsDbContext db, ProgramCalendar calendar, CancellationToken cancellationToken)
    {
        var take = PageRequest.Limit(limit);
        var organization = OrganizationFor(caller, organizationId);
        var today = calendar.Today;
        var open = db.CourseNeeds.AsNoTracking().Where(n => n.Status == CourseNeedStatus.Open && n.TermEnd >= today);
        if (organization is not { } asked)
        {
            var all = await open.OrderBy(n => n.TermStart).ThenBy(n => n.Id).Take(take).ToListAsync(cancellationToken);
            return TypedResults.Ok(new Matches<CourseNeedMatch>(await WithCoursesAsync(db, all, need => (0, [], need.TermStart <= NeedScore.SoonBefore(today)), cancellationToken)));
        }

        var offered = await db.Listings.AsNoTracking()
            .Where(l => l.OrganizationId == asked && l.Status != ListingStatus.Cancelled)
            .Select(l => new { l.SkillKeys, l.DisciplineKey })
            .ToListAsync(cancellationToken);
        var skills = offered.SelectMany(l => l.SkillKeys).ToHashSet(StringComparer.Ordinal);
        var disciplines = offered.Select(l => l.DisciplineKey).ToHashSet(StringComparer.Ordinal);
        var (skillKeys, disciplineKeys, soon) = (skills.ToArray(), disciplines.ToArray(), NeedScore.SoonBefore(today));

        var ranked = await open
            .Where(n => n.SkillKeys.Any(k => skillKeys.Contains(k)) || n.DisciplineKeys.Any(k => disciplineKeys.Contains(k)))
            .Select(n => new
            {
                Need = n,
                Score = n.SkillKeys.Count(k => skillKeys.Contains(k)) * MatchScore.SkillPoints
                    + (n.DisciplineKeys.Any(k => disciplineKeys.Contains(k)) ? MatchScore.DisciplinePoints : 0)
                    + (n.TermStart <= soon ? NeedScore.TermPoints : 0),
            })
            .OrderByDescending(m => m.Score).ThenBy(m => m.Need.TermStart).ThenBy(m => m.Need.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        var scores = ranked.ToDictionary(m => m.Need.Id, m => m.Score);
        return TypedResults.Ok(new Matches<CourseNeedMatch>(await WithCoursesAsync(db, [.. ranked.Select(m => m.Need)],
            need => (scores[need.Id], NeedScore.SharedTerms(need, skills, disciplines), need.TermStart <= soon), cancellationToken)));
    }

    /// <summary>Partners rank for their own organization; coordinators for the one they name, or see every open need.</summary>
    private static Guid? OrganizationFor(Caller caller, Guid? asked)
    {
        if (caller.IsCoordinator)
        {
            return asked;
        }

        if (!caller.IsPartner)
        {
            throw DomainRuleException.Forbidden("not_involved", "Course needs are matched for partners and coordinators.");
        }

        if (caller.OrganizationId is not { } own || (asked is { } other && other != own))
        {
            throw DomainRuleException.Forbidden("not_your_organization", "A partner sees matches for their own organization only.");
        }

        return own;
    }

    private static async Task<List<CourseNeedMatch>> WithCoursesAsync(
        ListingsDbContext db, List<CourseNeed> needs, Func<CourseNeed, (int Score, List<string> Shared, bool Soon)> rate, CancellationToken cancellationToken)
    {
        var courseIds = needs.Select(n => n.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. needs.Select(need =>
        {
            var (score, shared, soon) = rate(need);
            return new CourseNeedMatch(CourseNeedDto.Of(need, courses[need.CourseId]), score, shared, soon);
        })];
    }

    private static async Task<(CourseNeed Need, Course Course)> FindAsync(IQueryable<CourseNeed> needs, ListingsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var need = await needs.FirstOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw DomainRuleException.NotFound("course_need");
        return (need, await db.Courses.AsNoTracking().FirstAsync(c => c.Id == need.CourseId, cancellationToken));
    }

    private static void RequireInvolved(Caller caller)
    {
        if (!(caller.IsPartner || caller.IsFaculty || caller.IsCoordinator))
        {
            throw DomainRuleException.Forbidden("not_involved", "Course needs are between faculty, partners and coordinators.");
        }
    }
}
