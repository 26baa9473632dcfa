namespace MicroInternships.Contracts.Listings;

/// <summary>A coordinator invited someone, by email, to act for a partner organization.</summary>
public sealed record InvitationSent(InvitationSnapshot Invitation, DateTimeOffset OccurredAt);
