namespace MicroInternships.Contracts.Listings;

/// <summary>A listing stopped taking applications. <see cref="Reason"/>: <c>manual</c>, <c>deadline</c> or <c>filled</c>.</summary>
public sealed record ListingClosed(ListingSnapshot Listing, string Reason, DateTimeOffset OccurredAt);
