namespace MicroInternships.Contracts.Placements;

/// <summary>
/// A cancelled placement's settlement went to the coordinators: <see cref="Reason"/> is <c>unsettled</c> (the partner's
/// time to settle ran out) or <c>disputed</c> (the student disputed the partner's settlement). A coordinator settles it.
/// </summary>
public sealed record PlacementSettlementEscalated(PlacementSnapshot Placement, string Reason, DateTimeOffset OccurredAt);
