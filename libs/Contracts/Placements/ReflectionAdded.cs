namespace MicroInternships.Contracts.Placements;

/// <summary>
/// The student or the course's faculty member wrote a reflection on a placement: who and when, never the text. A
/// reflection is never changed, so its <see cref="Version"/> is 1.
/// </summary>
public sealed record ReflectionAdded(Guid ReflectionId, long Version, Guid PlacementId, string AuthorId, string AuthorRole, DateTimeOffset OccurredAt);
