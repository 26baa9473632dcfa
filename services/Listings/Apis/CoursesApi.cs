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

namespace MicroInternships.Listings.Apis;

public static class CoursesApi
{
    public static IEndpointRouteBuilder MapCoursesApi(this IEndpointRouteBuilder app)
    {
        var courses = app.MapGroup("/courses").WithTag("Courses", "Courses that adopt micro-internships, their linked listings and suggested matches.").DescribeProblems();
        courses.MapPost("/", CreateAsync).WithName("CreateCourse").WithSummary("Register a course that can adopt micro-internships")
            .RequireAuthorization(RoleRules.CourseOwners.Policy);
        courses.MapGet("/", ListAsync).WithName("ListCourses").WithSummary("Courses, newest first, by faculty member, term or department");
        courses.MapGet("/{id:guid}", GetAsync).WithName("GetCourse").WithSummary("One course")
            .Refuses(RuleKind.NotFound, "course_not_found");
        courses.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCourse").WithSummary("Replace a course's fields")
            .Refuses(RuleKind.NotFound, "course_not_found")
            .Refuses(RuleKind.Forbidden, "not_course_faculty");
        courses.MapPut("/{id:guid}/listings/{listingId:guid}", LinkAsync).WithName("LinkCourseListing")
            .WithSummary("Build an open listing into the course")
            .Refuses(RuleKind.NotFound, "course_not_found", "listing_not_found")
            .Refuses(RuleKind.Forbidden, "not_course_faculty")
            .Refuses(RuleKind.Conflict, "listing_not_open");
        courses.MapDelete("/{id:guid}/listings/{listingId:guid}", UnlinkAsync).WithName("UnlinkCourseListing")
            .WithSummary("Take a listing out of the course")
            .Refuses(RuleKind.NotFound, "course_not_found", "listing_not_found")
            .Refuses(RuleKind.Forbidden, "not_course_faculty");
        courses.MapGet("/{id:guid}/matches", CourseMatching.ListingsForCourseAsync).WithName("CourseMatches")
            .WithSummary("Open listings that fit the course's skills and disciplines, best first")
            .Refuses(RuleKind.NotFound, "course_not_found")
            .Refuses(RuleKind.Forbidden, "not_course_faculty");
        return app;
    }

    public static async Task<Created<CourseDto>> CreateAsync(
        CourseRequestBody request, Caller caller, ListingsDbContext db, ProgramCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var term = Validate(request, calendar);
        var course = Course.Create(caller.Id, caller.Name, request.Code!.Trim(), request.Title!.Trim(), term, request.Department!.Trim(),
            Terms.Distinct(request.Disciplines), Terms.Distinct(request.Skills), request.Enrollment ?? 0, clock.GetUtcNow());
        db.Courses.Add(course);
        db.AddIntegrationEvent(new CourseCreated(course.ToSnapshot(), course.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/courses/{course.Id}", course.ToDto());
    }

    public static async Task<Ok<Page<CourseDto>>> ListAsync(
        string? facultyId, string? term, string? department, int? limit, string? cursor, ListingsDbContext db, CancellationToken cancellationToken)
    {
        new FieldErrors().WithoutNul("facultyId", facultyId).WithoutNul("term", term).WithoutNul("department", department).ThrowIfAny();
        var courses = db.Courses.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(facultyId))
        {
            courses = courses.Where(c => c.FacultyId == facultyId);
        }

        if (!string.IsNullOrWhiteSpace(term))
        {
            courses = courses.Where(c => c.Term == term.Trim());
        }

        if (!string.IsNullOrWhiteSpace(department))
        {
            courses = courses.Where(c => c.Department == department.Trim());
        }

        return TypedResults.Ok(await courses.ToPageAsync(limit, cursor, c => c.ToDto(), cancellationToken));
    }

    public static async Task<Ok<CourseDto>> GetAsync(Guid id, ListingsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.FindCourseAsync(id, cancellationToken)).ToDto());

    /// <summary>The course's faculty member or a coordinator replaces its fields; the faculty member stays the same.</summary>
    public static async Task<Ok<CourseDto>> UpdateAsync(
        Guid id, CourseRequestBody request, Caller caller, ListingsDbContext db, ProgramCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var course = await db.FindTaughtCourseAsync(id, caller, cancellationToken);
        var term = Validate(request, calendar);
        course.Edit(request.Code!.Trim(), request.Title!.Trim(), term, request.Department!.Trim(), Terms.Distinct(request.Disciplines), Terms.Distinct(request.Skills),
            request.Enrollment ?? 0);
        db.AddIntegrationEvent(new CourseUpdated(course.ToSnapshot(), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(course.ToDto());
    }

    public static async Task<NoContent> LinkAsync(Guid id, Guid listingId, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var course = await db.FindTaughtCourseAsync(id, caller, cancellationToken);
        var listing = await db.FindVisibleAsync(listingId, caller, cancellationToken);
        if (CourseLinking.Link(db, course, listing, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UnlinkAsync(Guid id, Guid listingId, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var course = await db.FindTaughtCourseAsync(id, caller, cancellationToken);
        var listing = await db.FindUnlinkableAsync(listingId, caller, cancellationToken);
        if (CourseLinking.Unlink(db, course, listing, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    /// <returns>The program term the request names, spelled as the program spells it.</returns>
    private static string Validate(CourseRequestBody request, ProgramCalendar calendar)
    {
        var term = request.Term is null ? null : calendar.TermNamed(request.Term);
        new FieldErrors()
            .Length("code", request.Code, 2, 20)
            .Length("title", request.Title, 3, 120)
            .Length("term", request.Term, 2, 40)
            .When(request.Term is { Length: >= 2 and <= 40 } && term is null, "term",
                $"term must name one of the program's terms: {string.Join(", ", calendar.Terms.Select(t => t.Name))}.")
            .Length("department", request.Department, 2, 60)
            .Terms("disciplines", request.Disciplines, 5, 60)
            .Terms("skills", request.Skills, 15, 40)
            .When(request.Enrollment is < 0 or > 2000, "enrollment", "enrollment must be 0 to 2000.")
            .ThrowIfAny();
        return term!.Name;
    }
}
