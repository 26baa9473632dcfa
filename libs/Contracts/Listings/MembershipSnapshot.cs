namespace MicroInternships.Contracts.Listings;

/// <summary>
/// A person's membership of a partner organization as it stands after the change an event reports: the token's
/// <c>sub</c> and whether they may act for it (<see cref="Status"/> <c>active</c> or <c>removed</c>). Their email stays
/// in Listings.
/// </summary>
public sealed record MembershipSnapshot(Guid OrganizationId, string Subject, string Status, long Version);
