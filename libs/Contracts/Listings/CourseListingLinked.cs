namespace MicroInternships.Contracts.Listings;

/// <summary>A faculty member built a listing into a course; students of the course may apply through it.</summary>
public sealed record CourseListingLinked(Guid CourseId, Guid ListingId, string FacultyId, string FacultyName, string CourseCode, DateTimeOffset OccurredAt);
