namespace MicroInternships.Contracts.Placements;

/// <summary>
/// A completed placement's Open Badges credential after a change: whose it is and whether it still stands, never its
/// content. <see cref="Status"/> is <c>active</c> or <c>revoked</c>.
/// </summary>
public sealed record CredentialSnapshot(
    string CredentialId,
    long Version,
    Guid PlacementId,
    string StudentId,
    Guid OrganizationId,
    bool IncludesName,
    string Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt);
