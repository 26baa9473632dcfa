namespace MicroInternships.Listings.Domain;

/// <summary>Section <c>Listings:PartnerInterest</c>: how long links and personal data live, and whose mail domains are shared.</summary>
public sealed class PartnerInterestOptions
{
    public const string SectionName = "Listings:PartnerInterest";

    /// <summary>How long the contact has to confirm their email; an unconfirmed request is erased after it.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long a declined request's personal data is kept (to answer the contact), then erased.</summary>
    public TimeSpan DeclinedRetention { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Mail providers many organizations share: for their addresses the one-pending-request rule is per address, or one
    /// request from a gmail.com address would hold back every other.
    /// </summary>
    public List<string> SharedMailDomains { get; set; } =
        ["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com"];

    /// <summary>What holds one pending request at a time: the address's domain, or the address at a shared provider.</summary>
    public string DomainKeyOf(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..];
        return SharedMailDomains.Contains(domain, StringComparer.OrdinalIgnoreCase) ? email : domain;
    }
}
