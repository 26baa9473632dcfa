namespace MicroInternships.Contracts.Placements;

/// <summary>
/// A placement as it stands after the change an event reports. <see cref="FilledCount"/> is the number of the
/// listing's openings taken after this change, out of <see cref="Openings"/>. <see cref="Status"/> and
/// <see cref="Settlement"/> are wire names (<c>cancelled</c>, <c>pending</c>); <see cref="ProposedPayableCents"/> is the
/// pro rata share of a cancelled placement's logged hours, <see cref="PayableCents"/> what its settlement decided.
/// </summary>
public sealed record PlacementSnapshot(
    Guid PlacementId,
    long Version,
    Guid ListingId,
    string StudentId,
    string StudentName,
    Guid OrganizationId,
    Guid? CourseId,
    Guid? FundId,
    long AmountCents,
    string Currency,
    int FilledCount,
    int Openings,
    string Status,
    string Settlement,
    long? ProposedPayableCents,
    long? PayableCents);
