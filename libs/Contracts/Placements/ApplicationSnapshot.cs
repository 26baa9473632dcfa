namespace MicroInternships.Contracts.Placements;

/// <summary>
/// A student's application as it stands after the change an event reports, without the pitch: personal text stays in
/// Placements. <see cref="Status"/> is a wire value (<c>submitted</c>, <c>offered</c>, <c>accepted</c>, <c>rejected</c>,
/// <c>declined</c>, <c>withdrawn</c>, <c>expired</c>); the offer's terms are set once it is offered.
/// </summary>
public sealed record ApplicationSnapshot(
    Guid ApplicationId,
    long Version,
    Guid ListingId,
    Guid OrganizationId,
    string StudentId,
    string StudentName,
    Guid? CourseId,
    string Status,
    long? AmountCents,
    string? Currency,
    int? EstimatedHours,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? OfferedAt,
    DateTimeOffset? OfferExpiresAt,
    DateTimeOffset? DecidedAt);
