namespace MicroInternships.Listings.Domain;

/// <summary>What a partner writes about a listing, already validated against the contract and the program policy.</summary>
public sealed record ListingTerms(
    string Title,
    string Summary,
    string Description,
    IReadOnlyList<string> Skills,
    string Discipline,
    int EstimatedHours,
    long AmountCents,
    string Currency,
    int Openings,
    DateTimeOffset ApplicationDeadline,
    WorkMode WorkMode,
    string? Location);
