namespace MicroInternships.Contracts.Listings;

/// <summary>The invited person accepted: they are a member of the organization now (an OrganizationMemberAdded follows).</summary>
public sealed record InvitationAccepted(InvitationSnapshot Invitation, DateTimeOffset OccurredAt);
