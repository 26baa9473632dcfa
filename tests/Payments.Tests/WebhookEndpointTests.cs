using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MicroInternships.Contracts.Payments;
using MicroInternships.PaymentPartner;

namespace MicroInternships.Payments.Tests;

/// <summary>Every answer of <c>POST /webhooks/payment-partner</c>, in the contract's order, against real payouts.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class WebhookEndpointTests(PaymentsFactory factory)
{
    private const string DevelopmentSecret = "whsec_ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLXNlY3JldCE=";
    private readonly PaymentsScenario _scenario = new(factory);
    private readonly WebhookSignature _signature = new(DevelopmentSecret);

    [Fact]
    public async Task BadSignatures_And_StaleOrFutureTimestamps_Are401_AndChangeNothing()
    {
        var body = Body(WebhookTypes.Paid, "po_x", Guid.NewGuid(), 100);
        var now = DateTimeOffset.UtcNow;

        await SendAsync(body, signature: "v1,AAAA", expected: HttpStatusCode.Unauthorized);
        await SendAsync(body, signWith: new WebhookSignature("whsec_" + Convert.ToBase64String(new byte[32])), expected: HttpStatusCode.Unauthorized);
        await SendAsync(body, at: now.AddMinutes(-6), expected: HttpStatusCode.Unauthorized);
        await SendAsync(body, at: now.AddMinutes(6), expected: HttpStatusCode.Unauthorized);
        await SendAsync(body, tamper: true, expected: HttpStatusCode.Unauthorized);
        using var noHeaders = await _scenario.Webhooks.PostAsync("/webhooks/payment-partner", new ByteArrayContent(body));
        Assert.Equal(HttpStatusCode.Unauthorized, noHeaders.StatusCode);
    }

    [Fact]
    public async Task AMalformedBody_Is400_AnUnknownReference_Is404()
    {
        await SendAsync("""{"type":"payout.paid"}"""u8.ToArray(), expected: HttpStatusCode.BadRequest);
        await SendAsync("not json"u8.ToArray(), expected: HttpStatusCode.BadRequest);
        await SendAsync(Body("payout.refunded", "po_x", Guid.NewGuid(), 100), expected: HttpStatusCode.BadRequest);

        var unknown = "msg_" + Guid.NewGuid().ToString("N");
        await SendAsync(Body(WebhookTypes.Paid, "po_x", Guid.NewGuid(), 100), webhookId: unknown, expected: HttpStatusCode.NotFound);
        await SendAsync(Body(WebhookTypes.Paid, "po_x", Guid.NewGuid(), 100), webhookId: unknown, expected: HttpStatusCode.NotFound);
        Assert.Equal(0, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM processed_webhooks WHERE webhook_id = '{unknown}'"));
    }

    [Fact]
    public async Task APaidWebhook_PaysOnce_ARepeatIs200_AndALaterFailureReturnsThePayout()
    {
        var (payoutId, placementId, partnerId) = await SubmittedPayoutAsync();
        var webhookId = "msg_" + Guid.NewGuid().ToString("N");

        Assert.Equal("applied", await SendAsync(Body(WebhookTypes.Paid, partnerId, payoutId, 60_000), webhookId: webhookId));
        Assert.Equal("duplicate", await SendAsync(Body(WebhookTypes.Paid, partnerId, payoutId, 60_000), webhookId: webhookId));
        Assert.Equal("unchanged", await SendAsync(Body(WebhookTypes.Paid, partnerId, payoutId, 60_000)));
        Assert.Equal(1, await _scenario.OutboxCountAsync<PayoutPaid>(placementId));

        Assert.Equal("applied", await SendAsync(Body(WebhookTypes.Failed, partnerId, payoutId, 60_000, "account_closed")));
        var returned = await _scenario.PayoutOfAsync(placementId);
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.True(returned.GetProperty("flagged").GetBoolean());
        Assert.Equal(1, await _scenario.OutboxCountAsync<PayoutReturned>(placementId));
        Assert.Equal(["PayoutOpened:1", "PayoutSubmitted:2", "PayoutPaid:3", "PayoutFlagged:4", "PayoutReturned:5"], await _scenario.PayoutEventsAsync(payoutId));
    }

    [Fact]
    public async Task AnAmountOrCurrencyMismatch_Is200_FlagsThePayout_AndPaysNothing()
    {
        var (payoutId, placementId, partnerId) = await SubmittedPayoutAsync();

        Assert.Equal("flagged", await SendAsync(Body(WebhookTypes.Paid, partnerId, payoutId, 59_999)));

        var payout = await _scenario.PayoutOfAsync(placementId);
        Assert.Equal("submitted", payout.GetProperty("status").GetString());
        Assert.True(payout.GetProperty("flagged").GetBoolean());
        Assert.Equal(0, await _scenario.OutboxCountAsync<PayoutPaid>(placementId));
        Assert.Equal(["PayoutOpened:1", "PayoutSubmitted:2", "PayoutFlagged:3"], await _scenario.PayoutEventsAsync(payoutId));
        Assert.Contains("but the payout is 60000 USD", await _scenario.ScalarAsync<string>(
            $"SELECT payload->>'reason' FROM outbox_messages WHERE payload->'payout'->>'payoutId' = '{payoutId}' AND payload->'payout'->>'version' = '3'"));
    }

    [Fact]
    public async Task OutOfOrder_AFailureAfterPaymentOfASupersededAttempt_ChangesNothing_AndASupersededPaymentIsFlagged()
    {
        var (payoutId, placementId, firstAttempt) = await SubmittedPayoutAsync();
        Assert.Equal("applied", await SendAsync(Body(WebhookTypes.Failed, firstAttempt, payoutId, 60_000, "recipient_unknown")));
        using var retry = await _scenario.Coordinator.PostJsonAsync($"/api/payouts/{payoutId}/retry");
        var retried = await retry.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2, retried.GetProperty("attempt").GetInt32());
        var secondAttempt = retried.GetProperty("attempts")[1].GetProperty("partnerPayoutId").GetString()!;
        Assert.NotEqual(firstAttempt, secondAttempt);

        Assert.Equal("applied", await SendAsync(Body(WebhookTypes.Paid, secondAttempt, payoutId, 60_000)));
        Assert.Equal("unchanged", await SendAsync(Body(WebhookTypes.Failed, firstAttempt, payoutId, 60_000, "recipient_unknown")));
        Assert.Equal("flagged", await SendAsync(Body(WebhookTypes.Paid, firstAttempt, payoutId, 60_000)));

        var payout = await _scenario.PayoutOfAsync(placementId);
        Assert.Equal("paid", payout.GetProperty("status").GetString());
        Assert.True(payout.GetProperty("flagged").GetBoolean());
        Assert.Equal(1, await _scenario.OutboxCountAsync<PayoutPaid>(placementId));
        Assert.Equal(
            ["PayoutOpened:1", "PayoutSubmitted:2", "PayoutFailed:3", "PayoutRetried:4", "PayoutSubmitted:5", "PayoutPaid:6", "PayoutFlagged:7"],
            await _scenario.PayoutEventsAsync(payoutId));
    }

    /// <summary>
    /// The partner's reports are read in the partner's order (their timestamps), whatever order they arrive in: paid then
    /// failed is a return; failed then paid is paid, flagged for ops. Either way the money left the partner, so the
    /// fund's reservation is spent, never left reserved.
    /// </summary>
    [Theory]
    [InlineData(WebhookTypes.Paid, 0, WebhookTypes.Failed, 30, "applied", "returned", 1, 1)]
    [InlineData(WebhookTypes.Failed, 30, WebhookTypes.Paid, 0, "applied", "returned", 0, 1)]
    [InlineData(WebhookTypes.Failed, 0, WebhookTypes.Paid, 30, "applied", "paid", 1, 0)]
    [InlineData(WebhookTypes.Paid, 30, WebhookTypes.Failed, 0, "flagged", "paid", 1, 0)]
    public async Task TwoReports_AreReadInThePartnersOrder_NotInTheirArrivalOrder(
        string first, int firstAtSecond, string second, int secondAtSecond, string secondOutcome, string status, int paidEvents, int returnedEvents)
    {
        var fund = (await _scenario.FundAsync(budgetCents: 100_000)).GetProperty("id").GetGuid();
        var (payoutId, placementId, partnerId) = await SubmittedPayoutAsync(fund);
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);

        Assert.Equal("applied", await SendAsync(Report(first), at: start.AddSeconds(firstAtSecond)));
        Assert.Equal(secondOutcome, await SendAsync(Report(second), at: start.AddSeconds(secondAtSecond)));

        var payout = await _scenario.PayoutOfAsync(placementId);
        Assert.Equal(status, payout.GetProperty("status").GetString());
        Assert.True(payout.GetProperty("flagged").GetBoolean());
        Assert.Equal(paidEvents, await _scenario.OutboxCountAsync<PayoutPaid>(placementId));
        Assert.Equal(returnedEvents, await _scenario.OutboxCountAsync<PayoutReturned>(placementId));
        await _scenario.WaitForFundAsync(fund, reserved: 0, spent: 60_000);

        byte[] Report(string type) => Body(type, partnerId, payoutId, 60_000, type == WebhookTypes.Failed ? "account_closed" : null);
    }

    [Fact]
    public async Task ASignedBodyHoldingANulCharacter_Is400_AndChangesNothing()
    {
        var (payoutId, placementId, partnerId) = await SubmittedPayoutAsync();
        var webhookId = "msg_" + Guid.NewGuid().ToString("N");

        await SendAsync(Body(WebhookTypes.Failed, partnerId, payoutId, 60_000, "account\0closed"), webhookId: webhookId, expected: HttpStatusCode.BadRequest);
        await SendAsync(Body(WebhookTypes.Paid, partnerId + "\0", payoutId, 60_000), expected: HttpStatusCode.BadRequest);

        Assert.Equal("submitted", (await _scenario.PayoutOfAsync(placementId)).GetProperty("status").GetString());
        Assert.Equal(0, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM processed_webhooks WHERE webhook_id = '{webhookId}'"));
    }

    [Fact]
    public async Task TwoCopiesOfAWebhookAtOnce_AreBoth200_AndApplyOnce()
    {
        var (payoutId, placementId, partnerId) = await SubmittedPayoutAsync();
        var webhookId = "msg_" + Guid.NewGuid().ToString("N");
        var body = Body(WebhookTypes.Paid, partnerId, payoutId, 60_000);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync(body, webhookId: webhookId)));

        Assert.Equal(["applied", "duplicate", "duplicate", "duplicate"], outcomes.Order());
        Assert.Equal(1, await _scenario.OutboxCountAsync<PayoutPaid>(placementId));
    }

    /// <summary>A payout the simulator accepted; its own webhooks are slowed right down, so the test sends them.</summary>
    private async Task<(Guid PayoutId, Guid PlacementId, string PartnerId)> SubmittedPayoutAsync(Guid? fund = null)
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "01:00:00" });
        var placement = _scenario.Placement(fundId: fund);
        if (fund is not null)
        {
            await _scenario.PublishAsync(new Contracts.Placements.PlacementStarted(placement, DateTimeOffset.UtcNow));
            await _scenario.WaitForFundAsync(fund.Value, reserved: placement.AmountCents);
        }

        await _scenario.PublishAsync(new Contracts.Placements.PlacementCompleted(placement, false, DateTimeOffset.UtcNow));
        var payout = await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("submitted"));
        return (payout.GetProperty("id").GetGuid(), placement.PlacementId, payout.GetProperty("attempts")[0].GetProperty("partnerPayoutId").GetString()!);
    }

    private static byte[] Body(string type, string partnerId, Guid reference, long amountCents, string? failureReason = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new WebhookPayload(type, new WebhookPayoutData(partnerId, reference.ToString(), amountCents, "USD", failureReason)),
            JsonSerializerOptions.Web);

    private async Task<string?> SendAsync(
        byte[] body, string? webhookId = null, DateTimeOffset? at = null, string? signature = null, WebhookSignature? signWith = null, bool tamper = false,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var id = webhookId ?? "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = signature ?? (signWith ?? _signature).Sign(id, timestamp, body);
        var sent = tamper ? [.. body, (byte)' '] : body;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payment-partner") { Content = new ByteArrayContent(sent) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", signed);
        using var response = await _scenario.Webhooks.SendAsync(request);
        var answer = await response.ReadAsync(expected);
        return expected == HttpStatusCode.OK ? answer.GetProperty("outcome").GetString() : null;
    }
}
