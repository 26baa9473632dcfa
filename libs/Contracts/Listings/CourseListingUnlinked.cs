namespace MicroInternships.Contracts.Listings;

public sealed record CourseListingUnlinked(Guid CourseId, Guid ListingId, string FacultyId, string FacultyName, string CourseCode, DateTimeOffset OccurredAt);
