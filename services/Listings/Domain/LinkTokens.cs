using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MicroInternships.Listings.Domain;

/// <summary>
/// The secrets of emailed links (invitations, partner-interest confirmations): 256 random bits, URL-safe, of which only
/// the SHA-256 is stored. A link we did not make, or one altered by a character, matches no row.
/// </summary>
public static class LinkTokens
{
    private const int TokenBytes = 32;

    public static (string Token, byte[] Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return (token, HashOf(token));
    }

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
