namespace MicroInternships.Contracts.Placements;

/// <summary>A student applied to a listing.</summary>
public sealed record ApplicationSubmitted(ApplicationSnapshot Application, DateTimeOffset OccurredAt);
