using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Email;

/// <summary>
/// The signed, expiring token of an unsubscribe link: who, which category, until when, and an HMAC-SHA256 of those
/// under <see cref="EmailOptions.UnsubscribeSigningKey"/>. Whoever holds the email may use it without signing in; a
/// changed character or a past expiry is refused.
/// </summary>
public sealed class UnsubscribeLinks(IOptions<EmailOptions> options, TimeProvider clock)
{
    /// <summary>The digest's link: it turns off every category the person gets daily.</summary>
    public const string DailyDigest = "daily_digest";

    public const int MinimumKeyLength = 32;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.UnsubscribeSigningKey);

    public string TokenFor(string subject, string category)
    {
        var expires = (clock.GetUtcNow() + options.Value.UnsubscribeLinkLifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{expires}\n{category}\n{subject}");
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>The one-click address a mail client posts to (<c>List-Unsubscribe</c>), through the gateway.</summary>
    public string OneClickUrl(string token) => new Uri(options.Value.ApiUrl!, $"/api/unsubscribe?token={token}").ToString();

    /// <summary>The website's page that asks before unsubscribing (a link scanner's visit changes nothing).</summary>
    public string PageUrl(string token) => new Uri(options.Value.WebsiteUrl!, $"/unsubscribe?token={token}").ToString();

    public UnsubscribeToken Read(string? token)
    {
        // Without a real key (email off) no link was made, and none is accepted: an empty key would sign for anyone.
        if (_key.Length < MinimumKeyLength)
        {
            return new UnsubscribeToken.Invalid();
        }

        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[1]))
        {
            return new UnsubscribeToken.Invalid();
        }

        var payload = Base64Url.DecodeFromChars(parts[0]);
        var signature = Base64Url.DecodeFromChars(parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return new UnsubscribeToken.Invalid();
        }

        var fields = Encoding.UTF8.GetString(payload).Split('\n', 3);
        if (fields.Length != 3 || !long.TryParse(fields[0], out var expires) || expires < 0 || expires > MaxUnixSeconds)
        {
            return new UnsubscribeToken.Invalid();
        }

        return DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow()
            ? new UnsubscribeToken.Expired()
            : new UnsubscribeToken.Valid(fields[2], fields[1]);
    }
}

/// <summary>What a presented unsubscribe token turned out to be.</summary>
public abstract record UnsubscribeToken
{
    private UnsubscribeToken()
    {
    }

    public sealed record Valid(string Subject, string Category) : UnsubscribeToken;

    public sealed record Invalid : UnsubscribeToken;

    public sealed record Expired : UnsubscribeToken;
}
