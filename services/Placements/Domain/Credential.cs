using System.Buffers.Text;
using System.Security.Cryptography;
using MicroInternships.Credentials;
using MicroInternships.Contracts.Placements;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Placements.Domain;

/// <summary>
/// A completed placement's Open Badges 3.0 credential as it was signed (<see cref="Jwt"/>), and whether it still
/// stands. A placement has one current credential (<see cref="Placement.CredentialId"/>); a new name choice replaces it
/// with another, revoking this one as <see cref="RevocationReason.Superseded"/>.
/// </summary>
public sealed class Credential
{
    /// <summary>128 random bits in base64url (<see cref="CredentialIds"/>): the credential's address, unrelated to any database id.</summary>
    public const int IdLength = CredentialIds.Length;

    private Credential()
    {
    }

    public string Id { get; private set; } = "";

    public Guid PlacementId { get; private set; }

    public string StudentId { get; private set; } = "";

    public Guid OrganizationId { get; private set; }

    public bool IncludesName { get; private set; }

    /// <summary>The credential's position in the status lists: list <c>index / size + 1</c>, bit <c>index % size</c>.</summary>
    public long StatusIndex { get; private set; }

    public string KeyId { get; private set; } = "";

    public string Jwt { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public RevocationReason? RevocationReason { get; private set; }

    /// <summary>The coordinator's words to the student; they stay in Placements.</summary>
    public string? RevocationNote { get; private set; }

    public long Version { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static Credential Issue(string id, Placement placement, bool includesName, long statusIndex, SignedCredential signed, DateTimeOffset now) => new()
    {
        Id = id,
        PlacementId = placement.Id,
        StudentId = placement.StudentId,
        OrganizationId = placement.OrganizationId,
        IncludesName = includesName,
        StatusIndex = statusIndex,
        KeyId = signed.KeyId,
        Jwt = signed.Jwt,
        IssuedAt = now,
        Version = 1,
    };

    public void Revoke(RevocationReason reason, string? note, DateTimeOffset now)
    {
        if (IsRevoked)
        {
            throw DomainRuleException.Conflict("credential_revoked", RevocationReason == Domain.RevocationReason.Superseded
                ? "This credential was replaced by the student's newer one (their name choice); revoke that one."
                : "This credential is already revoked.");
        }

        RevokedAt = now;
        RevocationReason = reason;
        RevocationNote = note;
        Version++;
    }

    public CredentialSnapshot ToSnapshot() =>
        new(Id, Version, PlacementId, StudentId, OrganizationId, IncludesName, IsRevoked ? "revoked" : "active", IssuedAt, RevokedAt);
}

/// <summary>A credential's compact JWS and the key that signed it.</summary>
public sealed record SignedCredential(string Jwt, string KeyId);
