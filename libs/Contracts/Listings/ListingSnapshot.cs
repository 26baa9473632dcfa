namespace MicroInternships.Contracts.Listings;

/// <summary>
/// A listing as it stands after the change an event reports: everything another service needs, so none has to
/// ask Listings. <see cref="Version"/> grows with every change; consumers ignore a snapshot not newer than theirs.
/// <see cref="Status"/> is the contract's wire value (<c>open</c>, <c>closed</c>, <c>filled</c>, <c>cancelled</c>).
/// <see cref="Discipline"/> and <see cref="PublishedAt"/> (its first publication) came later: an event logged before
/// them reads as an empty discipline and no date.
/// </summary>
public sealed record ListingSnapshot(
    Guid ListingId,
    long Version,
    string Status,
    Guid OrganizationId,
    string OrganizationName,
    string Title,
    int Openings,
    DateTimeOffset ApplicationDeadline,
    long AmountCents,
    string Currency,
    int EstimatedHours,
    Guid? FundId,
    IReadOnlyList<Guid> CourseIds,
    string Discipline = "",
    DateTimeOffset? PublishedAt = null);
