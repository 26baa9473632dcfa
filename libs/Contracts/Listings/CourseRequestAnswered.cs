namespace MicroInternships.Contracts.Listings;

/// <summary>The faculty member (or a coordinator) accepted or declined a course request; accepting also links the listing.</summary>
public sealed record CourseRequestAnswered(CourseRequestSnapshot Request, DateTimeOffset OccurredAt);
