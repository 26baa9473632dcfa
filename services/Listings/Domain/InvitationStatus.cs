namespace MicroInternships.Listings.Domain;

/// <summary><c>pending -> accepted | revoked</c>; a pending one past its expiry is <c>expired</c> when read.</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}
