using System.Net.Mail;

namespace MicroInternships.Listings.Apis;

/// <summary>What the catalogue accepts as an email address and as a website.</summary>
public static class Addresses
{
    public static bool IsEmail(string? text) =>
        text is { Length: > 3 and <= 320 } && !text.Contains('\0') && MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim();

    public static bool IsWebAddress(string text) =>
        text.Length <= 300 && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
