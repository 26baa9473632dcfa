using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Webhooks at the gateway's public route, sent by the test instead of the partner: forged, tampered, stale, early,
/// replayed and repeated at once. Each is refused or ignored as the contract says, and nothing is paid twice.
/// (That each refusal is counted by reason is shown in Payments.Tests' PaymentsMetricsTests.)
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class WebhookAttackTests(SystemFixture system)
{
    [Fact]
    public async Task ForgedStaleReplayedAndRepeatedWebhooks_ChangeNothing_OrApplyOnce()
    {
        var secret = system.App.Services.GetRequiredService<IConfiguration>()["Parameters:payment-partner-webhook-secret"]!;
        var behaviour = await system.PaymentPartner.GetFromJsonAsync<JsonElement>("/admin/behaviour");
        await SetDeliveryDelayAsync("01:00:00");
        try
        {
            var (payoutId, placementId, student, atPartner) = await SubmittedPayoutAsync();
            var paid = JsonSerializer.Serialize(new
            {
                type = "payout.paid",
                data = new { id = atPartner.GetProperty("id").GetString(), reference = payoutId, amountCents = atPartner.GetProperty("amountCents").GetInt64(), currency = "USD", failureReason = (string?)null },
            });
            var now = DateTimeOffset.UtcNow;

            var refused = new[]
            {
                SignedWebhook.Sign("whsec_" + Convert.ToBase64String(new byte[32]), "wh-forged", now, paid),
                SignedWebhook.Sign(secret, "wh-tampered", now, paid) with { Body = paid.Replace("\"amountCents\":", "\"amountCents\":1", StringComparison.Ordinal) },
                SignedWebhook.Sign(secret, "wh-stale", now.AddMinutes(-6), paid),
                SignedWebhook.Sign(secret, "wh-early", now.AddMinutes(6), paid),
                SignedWebhook.Sign(secret, "wh-unsigned", now, paid) with { Signature = "" },
                SignedWebhook.Sign(secret, "wh-other-id", now, paid) with { Id = "wh-renamed" },
            };
            foreach (var webhook in refused)
            {
                using var response = await SendAsync(webhook);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{webhook.Id}: {(int)response.StatusCode}");
            }

            Assert.Equal("submitted", await PayoutStatusAsync(payoutId));
            Assert.Equal(0, await PublishedAsync("PayoutPaid", payoutId));

            var genuine = SignedWebhook.Sign(secret, $"wh-paid-{payoutId}", now, paid);
            var copies = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            {
                using var response = await SendAsync(genuine);
                return response.StatusCode;
            }));
            Assert.All(copies, status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.Equal("paid", await PayoutStatusAsync(payoutId));
            Assert.Equal(1, await PublishedAsync("PayoutPaid", payoutId));
            var paidPlacement = await GatewayCalls.EventuallyAsync(async () =>
            {
                var current = await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/placements/{placementId}");
                return current.GetProperty("paymentStatus").GetString() == "paid" ? current : (JsonElement?)null;
            });

            using (var replay = await SendAsync(SignedWebhook.Sign(secret, genuine.Id, DateTimeOffset.UtcNow, paid)))
            {
                Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            }

            Assert.Equal(1, await PublishedAsync("PayoutPaid", payoutId));
            var afterReplay = await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/placements/{placementId}");
            Assert.Equal(paidPlacement.GetProperty("paidAt").GetString(), afterReplay.GetProperty("paidAt").GetString());

            // A failure reported after the payment is a return (the contract's paid -> returned), applied once however often it comes.
            var failed = paid.Replace("payout.paid", "payout.failed", StringComparison.Ordinal).Replace("\"failureReason\":null", "\"failureReason\":\"account_closed\"", StringComparison.Ordinal);
            var failure = SignedWebhook.Sign(secret, $"wh-failed-{payoutId}", DateTimeOffset.UtcNow, failed);
            await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ => (await SendAsync(failure)).Dispose()));
            Assert.Equal("returned", await PayoutStatusAsync(payoutId));
            Assert.Equal(1, await PublishedAsync("PayoutReturned", payoutId));
            Assert.Equal(0, await PublishedAsync("PayoutFailed", payoutId));
        }
        finally
        {
            await SetDeliveryDelayAsync(behaviour.GetProperty("deliveryDelay").GetString()!);
        }
    }

    private async Task<(string PayoutId, string PlacementId, HttpClient Student, JsonElement AtPartner)> SubmittedPayoutAsync()
    {
        var world = await ReliabilityWorld.CreateAsync(new GatewayCalls(system), callersPerRole: 1);
        var (student, placementId) = (world.Students[0].Client, world.Students[0].OwnedId!);
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/time-entries",
            new { date = ProgramDay.Today, hours = 2m, note = "Work" }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/submit", new { note = "Done" });
        await GatewayCalls.SendAsync(world.Partners[0].Client, HttpMethod.Post, $"/api/placements/{placementId}/approve", new { rating = 5, feedback = "Good" });
        var payout = await GatewayCalls.EventuallyAsync(async () =>
            (await GatewayCalls.SendAsync(student, HttpMethod.Get, "/api/payouts")).GetProperty("items").EnumerateArray()
                .Where(p => p.GetProperty("status").GetString() == "submitted").Select(p => (JsonElement?)p).FirstOrDefault());
        var payoutId = payout.GetProperty("id").GetString()!;
        var atPartner = await GatewayCalls.EventuallyAsync(async () =>
            (await system.PaymentPartner.GetFromJsonAsync<JsonElement>("/admin/payouts")).EnumerateArray()
                .Where(p => p.GetProperty("reference").GetString() == payoutId).Select(p => (JsonElement?)p).FirstOrDefault());
        return (payoutId, placementId, student, atPartner);
    }

    private async Task<HttpResponseMessage> SendAsync(SignedWebhook webhook)
    {
        using var request = webhook.ToRequest();
        return await system.Gateway.SendAsync(request);
    }

    private async Task SetDeliveryDelayAsync(string delay)
    {
        using var response = await system.PaymentPartner.PutAsJsonAsync("/admin/behaviour", new { deliveryDelay = delay });
        response.EnsureSuccessStatusCode();
    }

    private async Task<string?> PayoutStatusAsync(string payoutId) =>
        await system.App.ScalarAsync<string>(ResourceNames.PaymentsDb, $"SELECT status FROM payouts WHERE id = '{payoutId}'");

    /// <summary>How many of this event Payments wrote to its outbox for the payout: what its consumers will hear.</summary>
    private async Task<long> PublishedAsync(string eventName, string payoutId) =>
        await system.App.ScalarAsync<long>(ResourceNames.PaymentsDb, $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.{eventName},%' AND payload::text LIKE '%{payoutId}%'");
}
