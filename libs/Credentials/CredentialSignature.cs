using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Credentials;

/// <summary>What checking a credential's JWS against its issuer's keys found.</summary>
/// <param name="Valid">Signed (ES256, <c>typ: vc+jwt</c>) by one of the keys, and not changed since.</param>
/// <param name="KeyId">The <c>kid</c> the credential names.</param>
/// <param name="KeyKnown">Whether the issuer publishes a key with that <c>kid</c>.</param>
/// <param name="Payload">The credential's JSON, when the text was a JWT at all.</param>
/// <param name="Problem">Why it does not verify, in words for people.</param>
public sealed record SignatureCheck(bool Valid, string? KeyId, bool KeyKnown, JsonElement? Payload, string? Problem);

/// <summary>Checks a VC-JOSE credential (a compact JWS) against the issuer's JWKS.</summary>
public static class CredentialSignature
{
    private static readonly JsonWebTokenHandler _tokens = new();

    public static async Task<SignatureCheck> CheckAsync(string jwt, string jwks)
    {
        JsonWebToken token;
        JsonElement payload;
        try
        {
            token = new JsonWebToken(jwt.Trim());
            using var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
            payload = document.RootElement.Clone();
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException or JsonException or FormatException)
        {
            return new SignatureCheck(false, null, false, null, jwt.Trim().Count(c => c == '.') == 2
                ? "The credential was changed or damaged: its content cannot be read, so it is not what the program signed."
                : "This is not a signed credential: a credential is a JWT of three dot-separated parts.");
        }

        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(jwks);
        }
        catch (ArgumentException)
        {
            return new SignatureCheck(false, token.Kid, false, payload, "The issuer's public keys could not be read.");
        }

        var known = keys.Keys.Any(k => k.Kid == token.Kid);
        var result = await _tokens.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidTypes = [CredentialMedia.JwtType],
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        });
        var problem = result.IsValid ? null
            : !known ? $"The credential names a key ({token.Kid ?? "none"}) the issuer does not publish."
            : result.Exception is SecurityTokenInvalidTypeException ? "This JWT is not a verifiable credential (its type is not vc+jwt)."
            : "The signature does not match: the credential was changed after it was signed, or not signed by this issuer.";
        return new SignatureCheck(result.IsValid, token.Kid, known, payload, problem);
    }
}
