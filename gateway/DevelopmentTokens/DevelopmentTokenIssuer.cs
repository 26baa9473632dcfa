using System.Security.Claims;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Gateway.DevelopmentTokens;

/// <summary>Signs tokens with the development key; registered only in Development.</summary>
public sealed class DevelopmentTokenIssuer(IOptions<IdentityOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(
        JwtAuthenticationExtensions.DevelopmentSigningKey(options.Value), SecurityAlgorithms.HmacSha256);

    public DevelopmentTokenResponse Issue(string subject, string role, string? name, string? email, string? organization)
    {
        var identity = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(ClaimNames.Subject, subject), new(ClaimNames.Role, role) };
        AddIfPresent(claims, ClaimNames.Name, name);
        AddIfPresent(claims, ClaimNames.Email, email);
        AddIfPresent(claims, ClaimNames.Organization, organization);

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = identity.Issuer,
            Audience = identity.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + identity.DevelopmentTokenLifetime,
            SigningCredentials = _credentials,
        });
        return new DevelopmentTokenResponse(token, (int)identity.DevelopmentTokenLifetime.TotalSeconds);
    }

    private static void AddIfPresent(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
