using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Testing;

/// <summary>Bearer tokens shaped like the contract's, signed with the tests' development key (or any other).</summary>
public static class TestTokens
{
    public static string For(string subject, string role, string? organization = null, string signingKey = TestInfrastructure.SigningKey, string? name = null) =>
        DevelopmentTokenFactory.Create(
            new IdentityOptions { DevelopmentSigningKey = signingKey },
            DateTimeOffset.UtcNow,
            subject,
            role,
            name: name ?? $"Test {role} {subject}",
            organization: organization);
}
