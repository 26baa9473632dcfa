namespace MicroInternships.Placements.Domain;

/// <summary>Whether a program fund backs the placement: <c>unfunded</c> once the fund refused to reserve its amount.</summary>
public enum FundingStatus
{
    None,
    Reserved,
    Unfunded,
}
