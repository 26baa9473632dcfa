namespace MicroInternships.Contracts.Placements;

/// <summary>
/// A placement as it stands after the change an event reports. <see cref="FilledCount"/> is the number of the
/// listing's openings taken after this change, out of <see cref="Openings"/>.
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
    int Openings);
