namespace MicroInternships.Contracts.Listings;

/// <summary>A published listing's fields or course links changed.</summary>
public sealed record ListingUpdated(ListingSnapshot Listing, DateTimeOffset OccurredAt);
