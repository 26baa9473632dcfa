namespace MicroInternships.Contracts.Listings;

/// <summary>Someone asked, on the public site, for their organization to join; their email is not yet confirmed.</summary>
public sealed record PartnerInterestSubmitted(PartnerInterestSnapshot Interest, DateTimeOffset OccurredAt);
