namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>The claims of the contract's tokens, kept under their JWT names (inbound claim mapping is off).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Organization = "org";
    public const string Name = "name";
    public const string Email = "email";

    /// <summary>OpenID Connect's <c>email_verified</c>: whether the identity provider checked the person owns <see cref="Email"/>.</summary>
    public const string EmailVerified = "email_verified";
}
