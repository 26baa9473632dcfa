namespace MicroInternships.Listings.Domain;

/// <summary>What a change in the openings taken did to a listing, which decides the event it publishes.</summary>
public enum PlacementEffect
{
    None,
    Counted,
    Filled,
    Reopened,
    Closed,
}
