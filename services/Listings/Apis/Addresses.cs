using System.Net.Mail;

namespace MicroInternships.Listings.Apis;

/// <summary>What the catalogue accepts as an email address, a website and a one-line name.</summary>
public static class Addresses
{
    /// <summary>The longest address a mail server takes (RFC 5321's path limit), and the one emails are queued with.</summary>
    public const int MaxEmailLength = 254;

    public static bool IsEmail(string? text) =>
        text is { Length: > 3 and <= MaxEmailLength } && !HasControlCharacters(text) && MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim();

    /// <summary>An absolute http(s) address as typed: <see cref="Uri"/> would escape a control character, PostgreSQL would refuse a NUL.</summary>
    public static bool IsWebAddress(string text) =>
        text.Length <= 300 && !HasControlCharacters(text)
        && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Line breaks, tabs, NUL and the like: nothing a name or an address written on one line holds.</summary>
    public static bool HasControlCharacters(string? text) => text is not null && text.Any(char.IsControl);
}
