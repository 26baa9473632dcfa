using System.Diagnostics.Metrics;
using System.Net;
using MicroInternships.Contracts.Placements;
using MicroInternships.Payments.Telemetry;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MicroInternships.Payments.Tests;

/// <summary>What ops count: each committed change once, with the tags a dashboard groups by.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class PaymentsMetricsTests(PaymentsFactory factory)
{
    private readonly PaymentsScenario _scenario = new(factory);
    private readonly IMeterFactory _meters = factory.Services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task APaidPayout_IsCountedOnce_WithItsAmount_AndItsFundMoney()
    {
        // An amount no other test uses, so the measurements of this payout can be told apart.
        const long amount = 12_345;
        using var transitions = new MetricCollector<long>(_meters, StateTransitionMetrics.MeterName, "state.transitions.amount");
        using var reserved = new MetricCollector<long>(_meters, PaymentsMetrics.MeterName, "funds.reserved");
        using var spent = new MetricCollector<long>(_meters, PaymentsMetrics.MeterName, "funds.spent");
        using var webhooks = new MetricCollector<long>(_meters, PaymentsMetrics.MeterName, "webhooks.received");
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.050", duplicateDeliveries = true });
        var fund = await _scenario.FundAsync(100_000);
        var placement = _scenario.Placement(amount, fund.GetProperty("id").GetGuid());

        await _scenario.PublishAsync(new PlacementStarted(placement, DateTimeOffset.UtcNow));
        await _scenario.PublishAsync(new PlacementCompleted(placement, false, DateTimeOffset.UtcNow));
        await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("paid"));
        await Eventually.HoldsAsync(() => Task.FromResult(Count(webhooks, "outcome", "duplicate") >= 1), "the duplicate delivery was answered");
        await _scenario.SetSimulatorAsync(new { duplicateDeliveries = false });

        var paid = transitions.GetMeasurementSnapshot().Where(m => m.Value == amount && Tag(m, "entity") == "payout" && Tag(m, "status") == "paid");
        Assert.Single(paid);
        Assert.Single(reserved.GetMeasurementSnapshot(), m => m.Value == amount);
        Assert.Single(spent.GetMeasurementSnapshot(), m => m.Value == amount);
    }

    [Fact]
    public async Task RejectedWebhooks_AreCountedWithTheirReason()
    {
        using var webhooks = new MetricCollector<long>(_meters, PaymentsMetrics.MeterName, "webhooks.received");

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payment-partner") { Content = new StringContent("{}") };
        forged.Headers.Add("webhook-id", "msg_forged");
        forged.Headers.Add("webhook-timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        forged.Headers.Add("webhook-signature", "v1,AAAA");
        using var response = await _scenario.Webhooks.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The simulator's late deliveries for earlier tests' payouts are counted in this shared factory too, signed.
        var rejected = webhooks.GetMeasurementSnapshot().Where(m => Tag(m, "outcome") == "rejected" && Tag(m, "reason") == "invalid_signature");
        Assert.Equal(1, Assert.Single(rejected).Value);
    }

    [Fact]
    public async Task WhatTheFundsHaveLeft_IsSampledByCurrency()
    {
        using var remaining = new MetricCollector<long>(_meters, PaymentsMetrics.MeterName, "funds.remaining");
        await _scenario.FundAsync(100_000);

        // Sampled every 15 s: a sample taken after the fund was made agrees with the table.
        await Eventually.HoldsAsync(
            async () =>
            {
                remaining.RecordObservableInstruments();
                var left = await factory.Database.ScalarAsync<long>("SELECT sum(budget_cents - reserved_cents - spent_cents)::bigint FROM funds WHERE currency = 'USD'");
                return remaining.GetMeasurementSnapshot().LastOrDefault(m => Equals(m.Tags["currency"], "USD"))?.Value == left;
            },
            "the new fund's budget is counted",
            TimeSpan.FromSeconds(25));
    }

    [Fact]
    public async Task APayoutItsFundCannotCover_ShowsAsUnsettled_OnHold()
    {
        using var unsettled = new MetricCollector<int>(_meters, PaymentsMetrics.MeterName, "payouts.unsettled");
        var fund = await _scenario.FundAsync(100);
        var placement = _scenario.Placement(50_000, fund.GetProperty("id").GetGuid());

        await _scenario.PublishAsync(new PlacementCompleted(placement, false, DateTimeOffset.UtcNow));
        await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("on_hold"));

        // Sampled every 15 s: the next sample after the payout opened counts it.
        await Eventually.HoldsAsync(
            () =>
            {
                unsettled.RecordObservableInstruments();
                return Task.FromResult(unsettled.GetMeasurementSnapshot().Any(m => Equals(m.Tags["status"], "on_hold") && m.Value >= 1));
            },
            "the on-hold payout is counted",
            TimeSpan.FromSeconds(25));
    }

    private static long Count(MetricCollector<long> counter, string tag, string value) =>
        counter.GetMeasurementSnapshot().Where(m => Tag(m, tag) == value).Sum(m => m.Value);

    private static string? Tag(CollectedMeasurement<long> measurement, string name) => measurement.Tags.TryGetValue(name, out var value) ? value as string : null;
}
