namespace MicroInternships.Contracts.Placements;

/// <summary>The student withdrew the application.</summary>
public sealed record ApplicationWithdrawn(ApplicationSnapshot Application, DateTimeOffset OccurredAt);
