namespace MicroInternships.Contracts.Listings;

/// <summary>A coordinator registered a partner organization.</summary>
public sealed record OrganizationCreated(OrganizationSnapshot Organization, DateTimeOffset OccurredAt);
