namespace MicroInternships.Contracts.Placements;

/// <summary>
/// The student chose who may read their reflection beyond the placement: <see cref="Sharing"/> is <c>private</c>,
/// <c>anonymous</c> (the course's faculty read it without their name) or <c>named</c>. Never the text.
/// </summary>
public sealed record ReflectionSharingChanged(Guid ReflectionId, long Version, Guid PlacementId, string Sharing, DateTimeOffset OccurredAt);
