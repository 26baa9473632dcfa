using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Listings.Apis;

/// <summary>A course's need as partners, its faculty member and coordinators see it: the faculty member by id and name only.</summary>
public sealed record CourseNeedDto(
    Guid Id,
    Guid CourseId,
    string CourseCode,
    string CourseTitle,
    string FacultyId,
    string FacultyName,
    DateOnly TermStart,
    DateOnly TermEnd,
    int ProjectsWanted,
    int ProjectsAccepted,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Disciplines,
    string LearningOutcomes,
    int? PreferredHours,
    WorkMode? WorkMode,
    CourseNeedStatus Status,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt) : ICreatedInOrder, IVersioned
{
    public static CourseNeedDto Of(CourseNeed need, Course course) => new(
        need.Id, need.CourseId, course.Code, course.Title, need.FacultyId, need.FacultyName, need.TermStart, need.TermEnd,
        need.ProjectsWanted, need.ProjectsAccepted, need.Skills, need.Disciplines, need.LearningOutcomes, need.PreferredHours, need.WorkMode,
        need.Status, need.Version, need.CreatedAt, need.ClosedAt);
}

/// <summary>An open need ranked for a partner's organization (<see cref="NeedScore"/>), with the terms that made it fit.</summary>
public sealed record CourseNeedMatch(CourseNeedDto Need, int Score, IReadOnlyList<string> SharedTerms, bool TermStartsSoon);
