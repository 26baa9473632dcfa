namespace MicroInternships.Contracts.Listings;

/// <summary>The course no longer adopts the listing. <see cref="Version"/> is the listing's after the change, as for the link.</summary>
public sealed record CourseListingUnlinked(
    Guid CourseId, Guid ListingId, string FacultyId, string FacultyName, string CourseCode, DateTimeOffset OccurredAt, long Version);
