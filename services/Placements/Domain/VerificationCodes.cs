using System.Security.Cryptography;

namespace MicroInternships.Placements.Domain;

/// <summary>Completion record codes: 128 random bits as 32 lowercase hex characters, unguessable and easy to type.</summary>
public static class VerificationCodes
{
    public const int Length = 32;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The code in its stored form, or null when the text cannot be one (then nothing needs looking up).</summary>
    public static string? Normalize(string text) =>
        text.Length == Length && text.All(char.IsAsciiHexDigit) ? text.ToLowerInvariant() : null;
}
