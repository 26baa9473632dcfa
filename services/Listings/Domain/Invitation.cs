using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Listings.Domain;

/// <summary>
/// A coordinator's invitation to act for a partner organization, addressed to one email. Its token is shown once and
/// only its SHA-256 is kept; it works once, for <see cref="Lifetime"/>, unless revoked, and only for a signed-in person
/// whose identity provider vouches for that email. Accepting makes them a member.
/// </summary>
public sealed class Invitation : ICreatedInOrder
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Email { get; private set; } = "";

    public byte[] TokenHash { get; private set; } = [];

    public InvitationStatus Status { get; private set; }

    public string InvitedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AcceptedBy { get; private set; }

    public long Version { get; private set; }

    /// <summary>The invitation and its token, which is never stored and never shown again.</summary>
    public static (Invitation Invitation, string Token) Send(Guid organizationId, string email, string invitedBy, DateTimeOffset now)
    {
        var (token, hash) = LinkTokens.New();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Email = Normalized(email),
            TokenHash = hash,
            Status = InvitationStatus.Pending,
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            Version = 1,
        };
        return (invitation, token);
    }

    public static string Normalized(string email) => email.Trim().ToLowerInvariant();

    /// <summary>What it is now: a pending invitation past its expiry reads as expired.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) => Status == InvitationStatus.Pending && now >= ExpiresAt ? InvitationStatus.Expired : Status;

    /// <summary>409 unless pending and in time; 403 unless <paramref name="verifiedEmail"/> is the one invited.</summary>
    public void Accept(string subject, string? verifiedEmail, DateTimeOffset now)
    {
        RequirePending(now);
        if (verifiedEmail is null)
        {
            throw DomainRuleException.Forbidden("email_not_verified", "Your sign-in carries no verified email address, so the invitation cannot be matched to you.");
        }

        if (Normalized(verifiedEmail) != Email)
        {
            throw DomainRuleException.Forbidden("invitation_email_mismatch", "This invitation is for another email address: sign in with the address it was sent to.");
        }

        (Status, AnsweredAt, AcceptedBy) = (InvitationStatus.Accepted, now, subject);
        Version++;
    }

    public void Revoke(DateTimeOffset now)
    {
        RequirePending(now);
        (Status, AnsweredAt) = (InvitationStatus.Revoked, now);
        Version++;
    }

    private void RequirePending(DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case InvitationStatus.Accepted:
                throw DomainRuleException.Conflict("invitation_used", "This invitation has already been accepted; each works once.");
            case InvitationStatus.Revoked:
                throw DomainRuleException.Conflict("invitation_revoked", "A coordinator withdrew this invitation.");
            case InvitationStatus.Expired:
                throw DomainRuleException.Conflict("invitation_expired", $"This invitation expired on {ExpiresAt:yyyy-MM-dd}; ask a coordinator for a new one.");
        }
    }
}
