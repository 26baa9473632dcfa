using System.Security.Claims;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Testing;

/// <summary>Bearer tokens shaped like the contract's, signed with the tests' development key (or any other).</summary>
public static class TestTokens
{
    public static string For(
        string subject, string role, string? organization = null, string signingKey = TestInfrastructure.SigningKey, string? name = null,
        string? email = null, DateTimeOffset? issuedAt = null) =>
        DevelopmentTokenFactory.Create(
            new IdentityOptions { DevelopmentSigningKey = signingKey },
            issuedAt ?? DateTimeOffset.UtcNow,
            subject,
            role,
            name: name ?? $"Test {role} {subject}",
            email: email,
            organization: organization);

    /// <summary>A correctly signed token with exactly these claims, for tokens the contract's shape does not allow.</summary>
    public static string WithClaims(params Claim[] claims)
    {
        var identity = new IdentityOptions { DevelopmentSigningKey = TestInfrastructure.SigningKey };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = identity.Issuer,
            Audience = identity.Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(JwtAuthenticationExtensions.DevelopmentSigningKey(identity), SecurityAlgorithms.HmacSha256),
        });
    }
}
