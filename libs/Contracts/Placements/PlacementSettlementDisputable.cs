namespace MicroInternships.Contracts.Placements;

/// <summary>
/// The partner settled a cancelled placement below the proposal: the student may dispute it until
/// <see cref="DisputableUntil"/>; undisputed by then, it becomes final (<see cref="PlacementSettled"/>). Nothing is paid before.
/// </summary>
public sealed record PlacementSettlementDisputable(PlacementSnapshot Placement, long PayableCents, DateTimeOffset DisputableUntil, DateTimeOffset OccurredAt);
