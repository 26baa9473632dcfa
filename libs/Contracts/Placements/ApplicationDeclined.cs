namespace MicroInternships.Contracts.Placements;

/// <summary>The student declined the offer.</summary>
public sealed record ApplicationDeclined(ApplicationSnapshot Application, DateTimeOffset OccurredAt);
