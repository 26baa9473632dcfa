namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>Where a person stands with an organization, as this service knows it.</summary>
public enum MemberStanding
{
    /// <summary>No membership recorded (an invitation never accepted, or an event not yet arrived).</summary>
    Unknown,
    Active,
    Removed,
}

/// <summary>
/// The memberships a service checks partners against: Listings' own (it owns them), every other service's copy fed by
/// Listings' membership events (libs/Messaging/Memberships).
/// </summary>
public interface IOrganizationMemberships
{
    Task<MemberStanding> StandingAsync(Guid organizationId, string subject, CancellationToken cancellationToken);
}

/// <summary>
/// <c>Identity:Memberships</c>. A partner without a recorded membership is refused unless
/// <see cref="AllowUnknownMembers"/>, which is on in Development only (unless set), where <c>/dev/token</c> makes up
/// partners of any organization; a removed member is refused everywhere.
/// </summary>
public sealed class MembershipOptions
{
    public const string SectionName = "Identity:Memberships";

    public bool? AllowUnknownMembers { get; set; }
}
