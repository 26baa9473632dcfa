using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Listings.Domain;

/// <summary>
/// A person (the token's <c>sub</c>) acting for a partner organization. Only an active member's calls as the
/// organization's partner are taken, in every service; a coordinator's removal ends that at once.
/// </summary>
public sealed class OrganizationMembership : ICreatedInOrder
{
    private OrganizationMembership()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Subject { get; private set; } = "";

    public string? Email { get; private set; }

    public MembershipStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    /// <summary>Grows with every change; the membership's events carry it, and the copies keep the newest.</summary>
    public long Version { get; private set; }

    public static OrganizationMembership Start(Guid organizationId, string subject, string? email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganizationId = organizationId,
        Subject = subject,
        Email = email,
        Status = MembershipStatus.Active,
        CreatedAt = now,
        Version = 1,
    };

    /// <summary>A removed member who accepts a new invitation is a member again.</summary>
    public void Rejoin(string? email)
    {
        (Status, RemovedAt, Email) = (MembershipStatus.Active, null, email ?? Email);
        Version++;
    }

    /// <summary>False when already removed: removing twice changes nothing and announces nothing.</summary>
    public bool Remove(DateTimeOffset now)
    {
        if (Status == MembershipStatus.Removed)
        {
            return false;
        }

        (Status, RemovedAt) = (MembershipStatus.Removed, now);
        Version++;
        return true;
    }
}
