namespace MicroInternships.Contracts.Listings;

/// <summary>A listing was withdrawn: its pending applications expire; running placements continue.</summary>
public sealed record ListingCancelled(ListingSnapshot Listing, DateTimeOffset OccurredAt);
