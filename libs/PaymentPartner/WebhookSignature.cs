using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MicroInternships.PaymentPartner;

/// <summary>
/// The Standard Webhooks scheme: <c>webhook-signature</c> holds one or more space-separated <c>v1,&lt;base64&gt;</c>
/// values, each an HMAC-SHA256, keyed by the base64 part of the <c>whsec_</c> secret, over
/// <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>. The body is taken as the bytes that arrived, never re-encoded.
/// </summary>
public sealed class WebhookSignature
{
    private const string SecretPrefix = "whsec_";
    private const int MinKeyBytes = 24;
    private readonly byte[] _key;

    public WebhookSignature(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        _key = Convert.FromBase64String(encoded);
        if (_key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"A webhook secret holds at least {MinKeyBytes} random bytes (the scheme asks for 24 to 64).", nameof(secret));
        }
    }

    /// <summary>True when the timestamp is within <paramref name="tolerance"/> of now and one of the signatures matches.</summary>
    public bool Verify(string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Compute(id, timestamp!, body);
        Span<byte> candidate = stackalloc byte[64];
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (signature.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(signature[3..], candidate, out var written)
                && CryptographicOperations.FixedTimeEquals(candidate[..written], expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>v1,...</c> value a sender puts in <c>webhook-signature</c>.</summary>
    public string Sign(string id, string timestamp, ReadOnlySpan<byte> body) => "v1," + Convert.ToBase64String(Compute(id, timestamp, body));

    private byte[] Compute(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(_key, signed);
    }
}
