namespace MicroInternships.Placements.Domain;

/// <summary>A listing's status as Listings last reported it. A draft's edits reach Placements too; it takes no applications.</summary>
public enum ListingState
{
    Open,
    Closed,
    Filled,
    Cancelled,
    Draft,
}
