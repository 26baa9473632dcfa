namespace MicroInternships.Contracts.Listings;

/// <summary>A coordinator replaced a partner organization's name, website or description (<c>PUT /api/organizations/{id}</c>).</summary>
public sealed record OrganizationUpdated(OrganizationSnapshot Organization, DateTimeOffset OccurredAt);
