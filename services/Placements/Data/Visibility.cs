using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Data;

/// <summary>
/// Who sees an application or placement: the student, the partner organization, the faculty member of its course,
/// and coordinators. Once one is visible, the caller's role alone says which side of it they are on.
/// </summary>
public static class Visibility
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, Caller caller, IQueryable<CourseLink> courseLinks)
        where T : class, IHasParties => caller.Role switch
    {
        Roles.Coordinator => items,
        Roles.Student => items.Where(i => i.StudentId == caller.Id),
        Roles.Partner when caller.OrganizationId is { } organizationId => items.Where(i => i.OrganizationId == organizationId),
        Roles.Faculty => items.Where(i => courseLinks.Any(l => l.CourseId == i.CourseId && l.ListingId == i.ListingId && l.FacultyId == caller.Id)),
        _ => items.Where(_ => false),
    };

    /// <summary>The item if <paramref name="caller"/> may see it; 404 otherwise, so another owner's item never shows it exists.</summary>
    public static async Task<T> FindVisibleAsync<T>(
        this PlacementsDbContext db, Guid id, Caller caller, string resource, CancellationToken cancellationToken) where T : class, IHasParties =>
        await db.Set<T>().VisibleTo(caller, db.CourseLinks).FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
        ?? throw DomainRuleException.NotFound(resource);
}
