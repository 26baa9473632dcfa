using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Data;

public static class CourseQueries
{
    /// <summary>404 <c>organization_not_found</c> unless the organization exists.</summary>
    public static async Task RequireOrganizationAsync(this ListingsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            throw DomainRuleException.NotFound("organization");
        }
    }

    public static async Task<Course> FindCourseAsync(this ListingsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Courses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw DomainRuleException.NotFound("course");

    /// <summary>Courses are visible to everyone signed in; only their faculty member and coordinators act on them (403).</summary>
    public static async Task<Course> FindTaughtCourseAsync(this ListingsDbContext db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var course = await db.FindCourseAsync(id, cancellationToken);
        return caller.IsCoordinator || (caller.IsFaculty && course.FacultyId == caller.Id)
            ? course
            : throw DomainRuleException.Forbidden("not_course_faculty", "Only the course's faculty member or a coordinator may do this.");
    }
}
