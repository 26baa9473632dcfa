using System.Security.Claims;
using System.Text;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Testing;

/// <summary>Bearer tokens shaped like the contract's, signed with the tests' development key (or any other).</summary>
public static class TestTokens
{
    private static readonly IdentityOptions _identity = new();

    public static string For(string subject, string role, string? organization = null, string signingKey = TestInfrastructure.SigningKey)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, subject),
            new(ClaimNames.Role, role),
            new(ClaimNames.Name, $"Test {role} {subject}"),
        };
        if (organization is not null)
        {
            claims.Add(new Claim(ClaimNames.Organization, organization));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _identity.Issuer,
            Audience = _identity.Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
