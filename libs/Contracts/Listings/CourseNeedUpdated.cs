namespace MicroInternships.Contracts.Listings;

/// <summary>A proposal to the need was accepted (the one reaching the projects wanted fills it), or it was closed.</summary>
public sealed record CourseNeedUpdated(CourseNeedSnapshot Need, DateTimeOffset OccurredAt);
