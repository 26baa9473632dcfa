namespace MicroInternships.Contracts.Placements;

/// <summary>The partner approved the work (or it was approved automatically): the student is to be paid in full.</summary>
public sealed record PlacementCompleted(PlacementSnapshot Placement, bool AutoApproved, DateTimeOffset OccurredAt);
