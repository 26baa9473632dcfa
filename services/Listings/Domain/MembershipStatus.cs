namespace MicroInternships.Listings.Domain;

public enum MembershipStatus
{
    Active,
    Removed,
}
