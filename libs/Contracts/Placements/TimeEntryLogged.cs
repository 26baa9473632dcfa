namespace MicroInternships.Contracts.Placements;

/// <summary>
/// The student logged time on a placement: the entry's day and hours and the placement's totals after it, never the
/// note. <see cref="Version"/> is the placement's after the entry.
/// </summary>
public sealed record TimeEntryLogged(
    Guid PlacementId, long Version, Guid TimeEntryId, DateOnly Date, decimal Hours, decimal LoggedHours, int EstimatedHours, DateTimeOffset OccurredAt);
