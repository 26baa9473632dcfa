namespace MicroInternships.Contracts.Listings;

/// <summary>
/// An invitation to act for a partner organization, as it stands after the change an event reports: never its email
/// nor its token. <see cref="Status"/> is <c>pending</c>, <c>accepted</c> or <c>revoked</c>; <see cref="AcceptedBy"/>
/// is the member's <c>sub</c> once accepted.
/// </summary>
public sealed record InvitationSnapshot(Guid InvitationId, long Version, Guid OrganizationId, string Status, DateTimeOffset ExpiresAt, string? AcceptedBy);
