namespace MicroInternships.Contracts.Placements;

/// <summary>
/// A completed placement's feedback is shown to both sides: both gave theirs, or the blind period after completion is
/// over (then a side that had not given any has a null rating, and a rating it gives later is revealed at once, in a
/// new <c>FeedbackRevealed</c>). Only the ratings travel; the comments never leave Placements. <see cref="Version"/> is
/// the placement's after the change.
/// </summary>
public sealed record FeedbackRevealed(
    Guid PlacementId, long Version, string StudentId, Guid OrganizationId, int? PartnerRating, int? StudentRating, DateTimeOffset OccurredAt);
