namespace MicroInternships.Credentials;

/// <summary>A credential's id: 128 random bits in base64url, 22 characters; its public address ends with it.</summary>
public static class CredentialIds
{
    public const int Length = 22;

    /// <summary>Whether <paramref name="text"/> can be a credential id at all (then it is worth looking up).</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
