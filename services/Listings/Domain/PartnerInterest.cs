using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Listings.Domain;

/// <summary>
/// An organization's request, from the public site, to join the program. Its contact confirms their email through a
/// link whose token only this row's hash knows; then coordinators approve it (the organization is created and the
/// contact invited) or decline it with a note the contact reads. <see cref="DomainKey"/> holds one pending request per
/// organization's mail domain. Personal data (contact, website, words, note) is erased when no longer needed.
/// </summary>
public sealed class PartnerInterest : ICreatedInOrder
{
    private PartnerInterest()
    {
    }

    public Guid Id { get; private set; }

    public string OrganizationName { get; private set; } = "";

    public string? Website { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactEmail { get; private set; }

    /// <summary>The email's domain (<c>acme.example</c>), or the whole address for a shared mail provider's.</summary>
    public string? DomainKey { get; private set; }

    public string? ProjectKinds { get; private set; }

    public PartnerInterestStatus Status { get; private set; }

    public byte[]? ConfirmationHash { get; private set; }

    public DateTimeOffset ConfirmBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DeclineNote { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    public long Version { get; private set; }

    /// <summary>The request and its confirmation token, which is never stored: it travels in the contact's email only.</summary>
    public static (PartnerInterest Interest, string Token) Submit(
        string organizationName, string website, string contactName, string contactEmail, string domainKey, string projectKinds,
        TimeSpan confirmationLifetime, DateTimeOffset now)
    {
        var (token, hash) = LinkTokens.New();
        var interest = new PartnerInterest
        {
            Id = Guid.CreateVersion7(now),
            OrganizationName = organizationName,
            Website = website,
            ContactName = contactName,
            ContactEmail = contactEmail,
            DomainKey = domainKey,
            ProjectKinds = projectKinds,
            Status = PartnerInterestStatus.Unconfirmed,
            ConfirmationHash = hash,
            ConfirmBy = now + confirmationLifetime,
            CreatedAt = now,
            Version = 1,
        };
        return (interest, token);
    }

    /// <returns>Whether this changed it: a second click on the link finds it confirmed and changes nothing.</returns>
    public bool Confirm(DateTimeOffset now)
    {
        if (Status != PartnerInterestStatus.Unconfirmed)
        {
            return false;
        }

        if (now >= ConfirmBy)
        {
            throw DomainRuleException.Conflict("confirmation_expired", "This confirmation link has expired; send the request again from the website.");
        }

        (Status, ConfirmedAt) = (PartnerInterestStatus.Pending, now);
        Version++;
        return true;
    }

    public void Approve(Guid organizationId, string coordinator, DateTimeOffset now)
    {
        RequirePending();
        (Status, OrganizationId, DecidedAt, DecidedBy) = (PartnerInterestStatus.Approved, organizationId, now, coordinator);
        Version++;
    }

    public void Decline(string? note, string coordinator, DateTimeOffset now)
    {
        RequirePending();
        (Status, DeclineNote, DecidedAt, DecidedBy) = (PartnerInterestStatus.Declined, note, now, coordinator);
        Version++;
    }

    /// <summary>
    /// Deletes the personal data and keeps what the program counts (when, what became of it). A request never confirmed
    /// becomes <c>expired</c> on the way.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        if (Status == PartnerInterestStatus.Unconfirmed)
        {
            Status = PartnerInterestStatus.Expired;
        }

        (Website, ContactName, ContactEmail, DomainKey, ProjectKinds, DeclineNote, ConfirmationHash, ErasedAt) = (null, null, null, null, null, null, null, now);
        Version++;
    }

    private void RequirePending()
    {
        if (Status != PartnerInterestStatus.Pending)
        {
            throw DomainRuleException.Conflict("partner_interest_decided", $"This request was already {WireName.Of(Status)}.");
        }
    }
}
