namespace MicroInternships.Notifications.Domain;

/// <summary>What a notification says of a listing (its title, its organization), kept from Listings' events by version.</summary>
public sealed class ListingEntry
{
    private ListingEntry()
    {
    }

    public Guid Id { get; private set; }

    public long Version { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Title { get; private set; } = "";

    public static ListingEntry Create(Guid id) => new() { Id = id };

    /// <summary>Takes a newer snapshot; an older or equal one (a replay, a redelivery) changes nothing.</summary>
    public void Apply(long version, Guid organizationId, string title)
    {
        if (version <= Version)
        {
            return;
        }

        (Version, OrganizationId, Title) = (version, organizationId, title);
    }
}
