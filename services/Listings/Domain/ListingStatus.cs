namespace MicroInternships.Listings.Domain;

public enum ListingStatus
{
    Draft,
    Open,
    Closed,
    Filled,
    Cancelled,
}
