namespace MicroInternships.Contracts.Listings;

/// <summary>A listing opened for applications: published from draft, or reopened when a cancelled placement freed an opening.</summary>
public sealed record ListingPublished(ListingSnapshot Listing, DateTimeOffset OccurredAt);
