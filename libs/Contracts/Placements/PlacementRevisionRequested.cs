namespace MicroInternships.Contracts.Placements;

/// <summary>The partner sent the work back for changes (the <see cref="RevisionCount"/>th time); the note stays in Placements.</summary>
public sealed record PlacementRevisionRequested(PlacementSnapshot Placement, int RevisionCount, DateTimeOffset OccurredAt);
