namespace MicroInternships.Messaging.Memberships;

/// <summary>A service's copy of one membership Listings owns: whether the person may act for the organization, as of <see cref="Version"/>.</summary>
public sealed class MemberCopy
{
    public Guid OrganizationId { get; private set; }

    public string Subject { get; private set; } = "";

    public bool Active { get; private set; }

    public long Version { get; private set; }
}
