namespace MicroInternships.Contracts.Listings;

/// <summary>A coordinator removed someone from a partner organization: from now on they cannot act for it anywhere.</summary>
public sealed record OrganizationMemberRemoved(MembershipSnapshot Membership, DateTimeOffset OccurredAt) : IMembershipChanged;
