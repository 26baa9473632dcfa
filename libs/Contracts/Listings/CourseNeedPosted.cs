namespace MicroInternships.Contracts.Listings;

/// <summary>A course's faculty member told partners what projects the course wants (<c>POST /api/courses/{id}/needs</c>).</summary>
public sealed record CourseNeedPosted(CourseNeedSnapshot Need, DateTimeOffset OccurredAt);
