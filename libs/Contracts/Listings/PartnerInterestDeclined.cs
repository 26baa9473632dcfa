namespace MicroInternships.Contracts.Listings;

/// <summary>A coordinator declined the request (their note goes to the contact by email, never in an event).</summary>
public sealed record PartnerInterestDeclined(PartnerInterestSnapshot Interest, DateTimeOffset OccurredAt);
