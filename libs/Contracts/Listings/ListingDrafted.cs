namespace MicroInternships.Contracts.Listings;

/// <summary>A partner or coordinator created a listing; it is a draft, open to no one yet.</summary>
public sealed record ListingDrafted(ListingSnapshot Listing, DateTimeOffset OccurredAt);
