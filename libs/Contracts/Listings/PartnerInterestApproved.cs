namespace MicroInternships.Contracts.Listings;

/// <summary>A coordinator approved the request: the organization exists and its contact is invited.</summary>
public sealed record PartnerInterestApproved(PartnerInterestSnapshot Interest, DateTimeOffset OccurredAt);
