namespace MicroInternships.Contracts.Listings;

/// <summary>Someone became an active member of a partner organization: an invitation accepted, or a development token.</summary>
public sealed record OrganizationMemberAdded(MembershipSnapshot Membership, DateTimeOffset OccurredAt) : IMembershipChanged;
