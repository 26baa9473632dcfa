using System.Security.Cryptography;
using System.Text;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>A payment-partner webhook as the contract gives it (Standard Webhooks), signed or deliberately not.</summary>
public sealed record SignedWebhook(string Id, DateTimeOffset Timestamp, string Body, string Signature)
{
    public static SignedWebhook Sign(string secret, string id, DateTimeOffset timestamp, string body) =>
        new(id, timestamp, body, $"v1,{Convert.ToBase64String(HMACSHA256.HashData(Key(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp.ToUnixTimeSeconds()}.{body}")))}");

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payment-partner") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", Id);
        request.Headers.Add("webhook-timestamp", Timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Signature);
        return request;
    }

    private static byte[] Key(string secret) => Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
}
