namespace MicroInternships.Contracts.Listings;

/// <summary>The contact confirmed their email: coordinators now see the request.</summary>
public sealed record PartnerInterestConfirmed(PartnerInterestSnapshot Interest, DateTimeOffset OccurredAt);
