namespace MicroInternships.Contracts.Listings;

/// <summary>A faculty member registered a course that can adopt listings.</summary>
public sealed record CourseCreated(CourseSnapshot Course, DateTimeOffset OccurredAt);
