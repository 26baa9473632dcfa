namespace MicroInternships.Contracts.Placements;

/// <summary>
/// A cancelled placement's settlement is final: the student is paid <see cref="PayableCents"/> (nothing when 0).
/// <see cref="SettledBy"/> is <c>partner</c>, <c>coordinator</c>, or <c>student</c> when the student cancelled with
/// no hours logged and nothing was owed.
/// </summary>
public sealed record PlacementSettled(PlacementSnapshot Placement, long PayableCents, string SettledBy, DateTimeOffset OccurredAt);
