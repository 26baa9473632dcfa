namespace MicroInternships.Contracts.Listings;

/// <summary>What every service keeps of a membership event: the membership after the change.</summary>
public interface IMembershipChanged
{
    MembershipSnapshot Membership { get; }
}
