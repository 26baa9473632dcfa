namespace MicroInternships.Contracts.Placements;

/// <summary>The offer ran out unanswered, or the listing stopped taking the application (cancelled, or closed long enough ago).</summary>
public sealed record ApplicationExpired(ApplicationSnapshot Application, DateTimeOffset OccurredAt);
