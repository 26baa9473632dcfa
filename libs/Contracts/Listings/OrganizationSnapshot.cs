namespace MicroInternships.Contracts.Listings;

/// <summary>A partner organization as it stands after the change an event reports; <see cref="Version"/> grows with every change.</summary>
public sealed record OrganizationSnapshot(Guid OrganizationId, long Version, string Name, string? Website);
