namespace MicroInternships.Contracts.Placements;

/// <summary>
/// The student or the course's faculty member wrote a reflection on a placement: who and when, never the text. A new
/// reflection is at <see cref="Version"/> 1; only its sharing changes later (<see cref="ReflectionSharingChanged"/>).
/// </summary>
public sealed record ReflectionAdded(Guid ReflectionId, long Version, Guid PlacementId, string AuthorId, string AuthorRole, DateTimeOffset OccurredAt);
