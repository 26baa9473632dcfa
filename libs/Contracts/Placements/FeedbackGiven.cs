namespace MicroInternships.Contracts.Placements;

/// <summary>
/// One side gave its feedback on a completed placement: <see cref="GivenBy"/> is <c>partner</c> (with its approval)
/// or <c>student</c>. Neither the rating nor the text travels; ratings are announced only once revealed.
/// <see cref="Version"/> is the placement's after the change.
/// </summary>
public sealed record FeedbackGiven(Guid PlacementId, long Version, string GivenBy, DateTimeOffset OccurredAt);
