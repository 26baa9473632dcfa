using System.Text;
using MicroInternships.PaymentPartner;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>A payment-partner webhook as the contract gives it (Standard Webhooks), signed or deliberately not.</summary>
public sealed record SignedWebhook(string Id, DateTimeOffset Timestamp, string Body, string Signature)
{
    public static SignedWebhook Sign(string secret, string id, DateTimeOffset timestamp, string body) =>
        new(id, timestamp, body, new WebhookSignature(secret).Sign(id, UnixSeconds(timestamp), Encoding.UTF8.GetBytes(body)));

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payment-partner") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", Id);
        request.Headers.Add("webhook-timestamp", UnixSeconds(Timestamp));
        request.Headers.Add("webhook-signature", Signature);
        return request;
    }

    private static string UnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
