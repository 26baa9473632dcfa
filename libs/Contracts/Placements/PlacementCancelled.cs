namespace MicroInternships.Contracts.Placements;

/// <summary>A placement ended early: its opening is free again and the student is paid <see cref="PayableCents"/> pro rata.</summary>
public sealed record PlacementCancelled(PlacementSnapshot Placement, long PayableCents, DateTimeOffset OccurredAt);
