namespace MicroInternships.Contracts.Listings;

/// <summary>A partner asked a course's faculty member to build its listing into the course.</summary>
public sealed record CourseRequestMade(CourseRequestSnapshot Request, DateTimeOffset OccurredAt);
