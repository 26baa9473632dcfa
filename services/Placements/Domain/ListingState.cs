namespace MicroInternships.Placements.Domain;

/// <summary>A listing's status as Listings last reported it (drafts never reach Placements).</summary>
public enum ListingState
{
    Open,
    Closed,
    Filled,
    Cancelled,
}
