namespace MicroInternships.Contracts.Placements;

/// <summary>The student accepted the offer; the placement it starts is announced by PlacementStarted.</summary>
public sealed record ApplicationAccepted(ApplicationSnapshot Application, DateTimeOffset OccurredAt);
