namespace MicroInternships.Contracts.Listings;

/// <summary>The course's faculty member or a coordinator replaced its fields (<c>PUT /api/courses/{id}</c>).</summary>
public sealed record CourseUpdated(CourseSnapshot Course, DateTimeOffset OccurredAt);
