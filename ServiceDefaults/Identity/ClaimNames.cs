namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>The claims of the contract's tokens, kept under their JWT names (inbound claim mapping is off).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Organization = "org";
    public const string Name = "name";
    public const string Email = "email";
}
