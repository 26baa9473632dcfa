namespace MicroInternships.Contracts.Placements;

/// <summary>
/// A placement ended early: its opening is free again. What the student is paid is not decided here: a settlement
/// follows, and only <see cref="PlacementSettled"/> opens a payout.
/// </summary>
public sealed record PlacementCancelled(PlacementSnapshot Placement, DateTimeOffset OccurredAt);
