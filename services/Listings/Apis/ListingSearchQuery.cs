namespace MicroInternships.Listings.Apis;

/// <summary>The query string of <c>GET /api/listings</c>.</summary>
public sealed record ListingSearchQuery(
    string? Q,
    string? Skills,
    string? Discipline,
    int? MinHours,
    int? MaxHours,
    string? WorkMode,
    Guid? OrganizationId,
    string? Status,
    int? Limit,
    string? Cursor);
