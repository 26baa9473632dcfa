namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>
/// Token validation settings (section <c>Identity</c>). Outside Development tokens are validated against
/// <see cref="Authority"/>'s OIDC metadata; a <see cref="DevelopmentSigningKey"/> is honoured only in Development.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    public string Issuer { get; set; } = "micro-internships";
    public string Audience { get; set; } = "micro-internships-api";
    public string? Authority { get; set; }
    public string? DevelopmentSigningKey { get; set; }
    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
