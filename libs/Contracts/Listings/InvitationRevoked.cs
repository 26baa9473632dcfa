namespace MicroInternships.Contracts.Listings;

/// <summary>A coordinator withdrew a pending invitation.</summary>
public sealed record InvitationRevoked(InvitationSnapshot Invitation, DateTimeOffset OccurredAt);
