using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>Tokens shaped like the contract's, signed with <see cref="IdentityOptions.DevelopmentSigningKey"/>.</summary>
public static class DevelopmentTokenFactory
{
    private static readonly JsonWebTokenHandler _handler = new();

    public static string Create(IdentityOptions identity, DateTimeOffset now, string subject, string role,
        string? name = null, string? email = null, string? organization = null)
    {
        var claims = new List<Claim> { new(ClaimNames.Subject, subject), new(ClaimNames.Role, role) };
        AddIfPresent(claims, ClaimNames.Name, name);
        AddIfPresent(claims, ClaimNames.Email, email);
        if (!string.IsNullOrWhiteSpace(email))
        {
            // A development token's address is taken as checked, as a provider's would be once the person confirmed it.
            claims.Add(new Claim(ClaimNames.EmailVerified, "true", ClaimValueTypes.Boolean));
        }
        AddIfPresent(claims, ClaimNames.Organization, organization);

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = identity.Issuer,
            Audience = identity.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + identity.DevelopmentTokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(JwtAuthenticationExtensions.DevelopmentSigningKey(identity), SecurityAlgorithms.HmacSha256),
        });
    }

    private static void AddIfPresent(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
