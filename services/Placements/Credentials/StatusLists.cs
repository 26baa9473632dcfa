using System.Globalization;
using System.Text.Json.Nodes;
using MicroInternships.Credentials;

namespace MicroInternships.Placements.Credentials;

/// <summary>
/// Revocation as W3C Bitstring Status Lists (<see cref="StatusListBits"/>): each credential's <c>credentialStatus</c>
/// entry, and each list as a credential of its own, which the service signs as it serves it.
/// </summary>
public static class StatusLists
{
    public const string Purpose = "revocation";

    /// <summary>The <c>credentialStatus</c> entry of the credential at <paramref name="statusIndex"/>.</summary>
    public static JsonObject Entry(long statusIndex, CredentialUrls urls)
    {
        var (list, bit) = StatusListBits.Position(statusIndex);
        var listUrl = urls.StatusList(list).ToString();
        return new JsonObject
        {
            ["id"] = $"{listUrl}#{bit}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = Purpose,
            ["statusListIndex"] = bit.ToString(CultureInfo.InvariantCulture),
            ["statusListCredential"] = listUrl,
        };
    }

    /// <summary>The list itself as an unsigned <c>BitstringStatusListCredential</c>.</summary>
    public static JsonObject Credential(int list, IEnumerable<int> revokedBits, IssuerProfile issuer, CredentialUrls urls, DateTimeOffset now)
    {
        var listUrl = urls.StatusList(list).ToString();
        return new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadge.VerifiableCredentialsContext),
            ["id"] = listUrl,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = issuer.Url.ToString(),
            ["validFrom"] = OpenBadge.Moment(now),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{listUrl}#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = Purpose,
                ["encodedList"] = StatusListBits.Encode(revokedBits),
            },
        }.WithJwtClaims(issuer.Url.ToString(), listUrl, subject: null, now);
    }
}
