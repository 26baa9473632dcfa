namespace MicroInternships.Contracts.Placements;

/// <summary>The partner rejected the application.</summary>
public sealed record ApplicationRejected(ApplicationSnapshot Application, DateTimeOffset OccurredAt);
