namespace MicroInternships.Contracts.Placements;

/// <summary>
/// The student handed the work in for the partner's review. Unless the partner approves or asks for changes first,
/// it is approved automatically at <see cref="AutoApprovesAt"/>. The deliverable and its note stay in Placements.
/// </summary>
public sealed record PlacementSubmitted(PlacementSnapshot Placement, DateTimeOffset AutoApprovesAt, DateTimeOffset OccurredAt);
