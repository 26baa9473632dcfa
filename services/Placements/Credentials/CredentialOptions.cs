namespace MicroInternships.Placements.Credentials;

/// <summary>
/// <c>Placements:Credentials</c>: who issues the program's credentials and the keys they are signed with. Outside
/// Development the keys come from a secret; in Development a key is made once and kept in
/// <see cref="DevelopmentKeyFile"/>.
/// </summary>
public sealed class CredentialOptions
{
    public const string SectionName = "Placements:Credentials";

    public IssuerProfile Issuer { get; set; } = new();

    /// <summary>Every key whose credentials still verify; those with a private part can sign.</summary>
    public List<CredentialKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>The key new credentials are signed with; the last key able to sign when unset.</summary>
    public string? ActiveKeyId { get; set; }

    public string DevelopmentKeyFile { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "micro-internships", "credential-signing-key.pem");
}

/// <summary>The program as an Open Badges <c>Profile</c>.</summary>
public sealed class IssuerProfile
{
    public Uri Url { get; set; } = new("http://localhost:5070/");

    public string Name { get; set; } = "University Micro-Internships Program";

    public string Email { get; set; } = "microinternships@example.edu";
}

/// <summary>A P-256 key in PEM (PKCS#8 private, or only the public part of a retired key) and its <c>kid</c>.</summary>
public sealed class CredentialKeyOptions
{
    public string KeyId { get; set; } = "";

    public string Pem { get; set; } = "";
}
