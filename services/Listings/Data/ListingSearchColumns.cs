namespace MicroInternships.Listings.Data;

/// <summary>The full-text columns PostgreSQL computes from a listing's text; shadow properties, never loaded.</summary>
public static class ListingSearchColumns
{
    public const string SearchVector = "SearchVector";
    public const string RankVector = "RankVector";
}
