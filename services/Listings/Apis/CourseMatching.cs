using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Apis;

public sealed record ListingMatch(ListingDto Listing, int Score, IReadOnlyList<string> SharedTerms, bool Linked);

/// <summary><see cref="OpenNeedId"/>: the course's open need this listing fits (the soonest), to propose the listing for.</summary>
public sealed record CourseMatch(CourseDto Course, int Score, IReadOnlyList<string> SharedTerms, bool Linked, Guid? OpenNeedId);

public sealed record Matches<T>(IReadOnlyList<T> Items);

/// <summary>
/// Matching in both directions with one score (<see cref="MatchScore"/>), computed in PostgreSQL over the GIN
/// indexed skill and discipline keys, so only candidates sharing a term are read. The best <c>limit</c>
/// (default 20, at most 100) are returned; equal scores are ordered by the sooner deadline (listings) or the
/// larger enrollment (courses), then by id, so the order never changes between two calls.
/// </summary>
public static class CourseMatching
{
    public static async Task<Ok<Matches<ListingMatch>>> ListingsForCourseAsync(Guid id, int? limit, Caller caller, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var take = PageRequest.Limit(limit);
        var course = await db.FindTaughtCourseAsync(id, caller, cancellationToken);
        var skills = course.SkillKeys;
        var disciplines = course.DisciplineKeys;

        var ranked = await db.Listings.AsNoTracking()
            .Where(l => l.Status == ListingStatus.Open && (l.SkillKeys.Any(k => skills.Contains(k)) || disciplines.Contains(l.DisciplineKey)))
            .Select(l => new
            {
                l.Id,
                l.ApplicationDeadline,
                Score = l.SkillKeys.Count(k => skills.Contains(k)) * MatchScore.SkillPoints + (disciplines.Contains(l.DisciplineKey) ? MatchScore.DisciplinePoints : 0),
            })
            .OrderByDescending(m => m.Score).ThenBy(m => m.ApplicationDeadline).ThenBy(m => m.Id)
            .Take(take)
            .ToListAsync(cancellationToken);

        var ids = ranked.Select(m => m.Id).ToList();
        var listings = await db.Listings.AsNoTracking().WithDetails().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var items = ranked.Select(m => new ListingMatch(
            listings[m.Id].ToDto(),
            m.Score,
            MatchScore.SharedTerms(listings[m.Id], course),
            listings[m.Id].CourseLinks.Any(link => link.CourseId == course.Id))).ToList();
        return TypedResults.Ok(new Matches<ListingMatch>(items));
    }

    public static async Task<Ok<Matches<CourseMatch>>> CoursesForListingAsync(
        Guid id, int? limit, Caller caller, ListingsDbContext db, ProgramCalendar calendar, CancellationToken cancellationToken)
    {
        var take = PageRequest.Limit(limit);
        var listing = await db.FindManagedAsync(id, caller, cancellationToken);
        var skills = listing.SkillKeys;
        var discipline = listing.DisciplineKey;
        var today = calendar.Today;

        var courses = await db.Courses.AsNoTracking()
            .Select(c => new
            {
                Course = c,
                FittingNeed = db.CourseNeeds
                    .Where(n => n.CourseId == c.Id && n.Status == CourseNeedStatus.Open && n.TermEnd >= today
                        && (n.SkillKeys.Any(k => skills.Contains(k)) || n.DisciplineKeys.Contains(discipline)))
                    .OrderBy(n => n.TermStart).ThenBy(n => n.Id)
                    .Select(n => (Guid?)n.Id)
                    .FirstOrDefault(),
            })
            .Where(m => m.Course.SkillKeys.Any(k => skills.Contains(k)) || m.Course.DisciplineKeys.Contains(discipline) || m.FittingNeed != null)
            .Select(m => new
            {
                m.Course,
                m.FittingNeed,
                Score = m.Course.SkillKeys.Count(k => skills.Contains(k)) * MatchScore.SkillPoints
                    + (m.Course.DisciplineKeys.Contains(discipline) ? MatchScore.DisciplinePoints : 0)
                    + (m.FittingNeed != null ? MatchScore.OpenNeedPoints : 0),
            })
            .OrderByDescending(m => m.Score).ThenByDescending(m => m.Course.Enrollment).ThenBy(m => m.Course.Id)
            .Take(take)
            .ToListAsync(cancellationToken);

        var items = courses.Select(m => new CourseMatch(
            m.Course.ToDto(),
            m.Score,
            MatchScore.SharedTerms(listing, m.Course),
            listing.CourseLinks.Any(link => link.CourseId == m.Course.Id),
            m.FittingNeed)).ToList();
        return TypedResults.Ok(new Matches<CourseMatch>(items));
    }
}
