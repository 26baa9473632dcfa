namespace MicroInternships.Contracts.Placements;

/// <summary>The partner offered the student the project; the offer expires at the snapshot's offerExpiresAt.</summary>
public sealed record ApplicationOffered(ApplicationSnapshot Application, DateTimeOffset OccurredAt);
