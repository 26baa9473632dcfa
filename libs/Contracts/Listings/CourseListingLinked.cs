namespace MicroInternships.Contracts.Listings;

/// <summary>
/// A faculty member built a listing into a course; students of the course may apply through it. The link is part of
/// the listing: <see cref="Version"/> is the listing's after the change, so the newest of a link's events wins.
/// </summary>
public sealed record CourseListingLinked(
    Guid CourseId, Guid ListingId, string FacultyId, string FacultyName, string CourseCode, DateTimeOffset OccurredAt, long Version);
