namespace MicroInternships.Listings.Apis;

/// <summary>The query string of <c>GET /api/public/listings</c>: the signed-in search's words and filters, over open listings only.</summary>
public sealed record PublicListingSearchQuery(
    string? Q,
    string? Skills,
    string? Discipline,
    int? MinHours,
    int? MaxHours,
    string? WorkMode,
    int? Limit,
    string? Cursor);
