namespace MicroInternships.Contracts.Placements;

/// <summary>A student accepted an offer: one of the listing's openings is taken.</summary>
public sealed record PlacementStarted(PlacementSnapshot Placement, DateTimeOffset OccurredAt);
