using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Placements.Credentials;

/// <summary>
/// W3C Bitstring Status Lists of revocation: each credential owns one bit of one list, set when it is revoked. A
/// list holds 131,072 bits (16 KiB), the size the specification sets as the minimum so a bit does not single a
/// credential out.
/// </summary>
public static class StatusLists
{
    public const int Size = 131_072;

    public const string Purpose = "revocation";

    public static (int List, int Bit) Position(long statusIndex) => ((int)(statusIndex / Size) + 1, (int)(statusIndex % Size));

    public static (long First, long Last) Indexes(int list) => ((long)(list - 1) * Size, ((long)list * Size) - 1);

    /// <summary>The <c>credentialStatus</c> entry of the credential at <paramref name="statusIndex"/>.</summary>
    public static JsonObject Entry(long statusIndex, CredentialUrls urls)
    {
        var (list, bit) = Position(statusIndex);
        var listUrl = urls.StatusList(list).ToString();
        return new JsonObject
        {
            ["id"] = $"{listUrl}#{bit}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = Purpose,
            ["statusListIndex"] = bit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statusListCredential"] = listUrl,
        };
    }

    /// <summary>The list's bits, GZIP-compressed, as multibase base64url (<c>u</c> prefix); the first bit is the high bit of byte 0.</summary>
    public static string Encode(IEnumerable<int> setBits)
    {
        var bits = new byte[Size / 8];
        foreach (var bit in setBits)
        {
            bits[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(bits);
        }

        return "u" + Base64UrlEncoder.Encode(compressed.ToArray());
    }

    /// <summary>Whether <paramref name="bit"/> is set in an encoded list (the reverse of <see cref="Encode"/>).</summary>
    public static bool IsSet(string encodedList, int bit)
    {
        if (!encodedList.StartsWith('u'))
        {
            throw new FormatException("An encoded status list is multibase base64url, starting with 'u'.");
        }

        using var gzip = new GZipStream(new MemoryStream(Base64UrlEncoder.DecodeBytes(encodedList[1..])), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        var bytes = bits.GetBuffer();
        return bit / 8 < bits.Length && (bytes[bit / 8] & (0x80 >> (bit % 8))) != 0;
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
                ["encodedList"] = Encode(revokedBits),
            },
        };
    }
}
