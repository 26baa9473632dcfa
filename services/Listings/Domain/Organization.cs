using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Listings.Domain;

/// <summary>A partner employer. Coordinators create them; a partner's token names its own in the <c>org</c> claim.</summary>
public sealed class Organization(Guid id, string name, string? website, string? description, DateTimeOffset createdAt, bool publicListings = true) : ICreatedInOrder
{
    public Guid Id { get; private set; } = id;

    public string Name { get; private set; } = name;

    public string? Website { get; private set; } = website;

    public string? Description { get; private set; } = description;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;

    /// <summary>Whether its open listings are shown to visitors who are not signed in (the public site); on unless it opts out.</summary>
    public bool PublicListings { get; private set; } = publicListings;

    /// <summary>Grows with every change; the organization's events carry it.</summary>
    public long Version { get; private set; } = 1;

    public void Edit(string name, string? website, string? description, bool publicListings)
    {
        (Name, Website, Description, PublicListings) = (name, website, description, publicListings);
        Version++;
    }
}
