using System.Net;
using MicroInternships.Contracts.Payments;
using MicroInternships.Contracts.Placements;
using MicroInternships.Payments.Data;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Payments.Tests;

[Collection(PaymentsCollection.Name)]
public sealed class FundsTests(PaymentsFactory factory)
{
    private readonly PaymentsScenario _scenario = new(factory);

    [Fact]
    public async Task AHundredConcurrentReservations_NeverOverdrawTheFund()
    {
        var fund = (await _scenario.FundAsync(budgetCents: 10 * 60_000)).GetProperty("id").GetGuid();

        var reserved = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
            var ledger = scope.ServiceProvider.GetRequiredService<FundLedger>();
            return await db.InTransactionAsync(ct => ledger.TryReserveAsync(fund, 60_000, "USD", Guid.NewGuid(), ct), CancellationToken.None);
        }));

        Assert.Equal(10, reserved.Count(r => r));
        string[] eachReservationOnce = ["created:1", .. Enumerable.Range(2, 10).Select(v => $"reserved:{v}")];
        Assert.Equal(eachReservationOnce, await _scenario.FundChangesAsync(fund));
        using var response = await _scenario.Coordinator.GetAsync($"/api/funds/{fund}");
        var after = await response.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(600_000, after.GetProperty("reservedCents").GetInt64());
        Assert.Equal(0, after.GetProperty("availableCents").GetInt64());
    }

    [Fact]
    public async Task Placements_ReserveSpendAndRelease_AndARefusalHoldsThePayoutUntilACoordinatorFundsIt()
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.100" });
        var fund = (await _scenario.FundAsync(budgetCents: 100_000)).GetProperty("id").GetGuid();
        var paid = _scenario.Placement(60_000, fund);
        var refused = _scenario.Placement(60_000, fund);
        var cancelled = _scenario.Placement(30_000, fund);

        await _scenario.PublishAsync(new PlacementStarted(paid, DateTimeOffset.UtcNow));
        await _scenario.WaitForFundAsync(fund, reserved: 60_000);
        await _scenario.PublishAsync(new PlacementStarted(refused, DateTimeOffset.UtcNow));
        await _scenario.PublishAsync(new PlacementStarted(cancelled, DateTimeOffset.UtcNow));
        await _scenario.WaitForFundAsync(fund, reserved: 90_000);
        await _scenario.PublishAsync(PaymentsScenario.Settled(cancelled, 0));
        await _scenario.WaitForFundAsync(fund, reserved: 60_000);
        Assert.Equal(1, await _scenario.OutboxCountAsync<FundReservationRefused>(refused.PlacementId));

        await _scenario.PublishAsync(new PlacementCompleted(paid, false, DateTimeOffset.UtcNow));
        await _scenario.PayoutOfAsync(paid.PlacementId, PaymentsScenario.Status("paid"));
        await _scenario.WaitForFundAsync(fund, reserved: 0, spent: 60_000);

        await _scenario.PublishAsync(new PlacementCompleted(refused, false, DateTimeOffset.UtcNow));
        var onHold = await _scenario.PayoutOfAsync(refused.PlacementId, PaymentsScenario.Status("on_hold"));
        var payout = onHold.GetProperty("id").GetGuid();
        using var tooSmall = await _scenario.Coordinator.PostJsonAsync($"/api/payouts/{payout}/fund", new { fundId = fund });
        await tooSmall.ProblemAsync(HttpStatusCode.Conflict, "fund_insufficient");

        using var topUp = await _scenario.Coordinator.PostJsonAsync($"/api/funds/{fund}/adjustments", new { amountCents = 50_000, reason = "Second grant tranche" });
        Assert.Equal(90_000, (await topUp.ReadAsync(HttpStatusCode.Created)).GetProperty("fund").GetProperty("availableCents").GetInt64());
        using var funded = await _scenario.Coordinator.PostJsonAsync($"/api/payouts/{payout}/fund", new { fundId = fund });
        Assert.Equal("submitted", (await funded.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        await _scenario.PayoutOfAsync(refused.PlacementId, PaymentsScenario.Status("paid"));
        await _scenario.WaitForFundAsync(fund, reserved: 0, spent: 120_000);

        Assert.Equal(["PayoutOpened:1", "PayoutOnHold:2", "PayoutFunded:3", "PayoutSubmitted:4", "PayoutPaid:5"], await _scenario.PayoutEventsAsync(payout));
        Assert.Equal(
            ["created:1", "reserved:2", "reserved:3", "released:4", "spent:5", "budget_adjusted:6", "reserved:7", "spent:8"],
            await _scenario.FundChangesAsync(fund));
        var refusal = await _scenario.ScalarAsync<string>(
            $"SELECT payload::text FROM outbox_messages WHERE message_type LIKE '{typeof(FundReservationRefused).FullName},%' AND payload->>'placementId' = '{refused.PlacementId}'");
        using var refusalJson = System.Text.Json.JsonDocument.Parse(refusal!);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, refusalJson.RootElement.GetProperty("payoutId").ValueKind);
        Assert.InRange(refusalJson.RootElement.GetProperty("fundVersion").GetInt64(), 2, 3);
    }

    [Fact]
    public async Task Adjustments_NeverTakeABudgetBelowWhatIsCommitted_AndBadInputIs400()
    {
        var fund = (await _scenario.FundAsync(budgetCents: 60_000)).GetProperty("id").GetGuid();
        await _scenario.PublishAsync(new PlacementStarted(_scenario.Placement(50_000, fund), DateTimeOffset.UtcNow));
        await _scenario.WaitForFundAsync(fund, reserved: 50_000);

        using var tooMuch = await _scenario.Coordinator.PostJsonAsync($"/api/funds/{fund}/adjustments", new { amountCents = -20_000, reason = "Budget cut" });
        await tooMuch.ProblemAsync(HttpStatusCode.Conflict, "fund_below_commitments");
        using var fine = await _scenario.Coordinator.PostJsonAsync($"/api/funds/{fund}/adjustments", new { amountCents = -10_000, reason = "Budget cut" });
        Assert.Equal(50_000, (await fine.ReadAsync(HttpStatusCode.Created)).GetProperty("fund").GetProperty("budgetCents").GetInt64());

        var largest = (await _scenario.FundAsync(budgetCents: Domain.Fund.MaxBudgetCents)).GetProperty("id").GetGuid();
        using var pastLargest = await _scenario.Coordinator.PostJsonAsync($"/api/funds/{largest}/adjustments", new { amountCents = 1, reason = "One more cent" });
        await pastLargest.ProblemAsync(HttpStatusCode.Conflict, "fund_budget_limit");

        using var zero = await _scenario.Coordinator.PostJsonAsync($"/api/funds/{fund}/adjustments", new { amountCents = 0 });
        await zero.ValidationAsync("amountCents", "reason");
        using var badFund = await _scenario.Coordinator.PostJsonAsync("/api/funds", new { name = "", budgetCents = -1, currency = "EUR" });
        await badFund.ValidationAsync("name", "budgetCents", "currency");
        using var asStudent = await _scenario.Student().GetAsync("/api/funds");
        Assert.Equal(HttpStatusCode.Forbidden, asStudent.StatusCode);
        using var unknown = await _scenario.Coordinator.GetAsync($"/api/funds/{Guid.NewGuid()}");
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "fund_not_found");
    }
}
