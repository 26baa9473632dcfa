using System.Net;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Payments.Tests;

[Collection(PaymentsCollection.Name)]
public sealed class PayoutsApiTests(PaymentsFactory factory)
{
    private readonly PaymentsScenario _scenario = new(factory);

    [Fact]
    public async Task AStudentSeesOnlyTheirOwnPayouts_OthersGet404_PartnersMayNotList()
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.100" });
        var placement = _scenario.Placement();
        await _scenario.PublishAsync(new PlacementCompleted(placement, false, DateTimeOffset.UtcNow));
        var payout = (await _scenario.PayoutOfAsync(placement.PlacementId)).GetProperty("id").GetGuid();

        using var own = await _scenario.Student(1).GetAsync("/api/payouts");
        Assert.Contains(payout, (await own.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        using var other = await _scenario.Student(2).GetAsync($"/api/payouts/{payout}");
        await other.ProblemAsync(HttpStatusCode.NotFound, "payout_not_found");
        using var partner = await _scenario.Partner.GetAsync("/api/payouts");
        await partner.ProblemAsync(HttpStatusCode.Forbidden, "payouts_not_visible");
        using var retry = await _scenario.Student(1).PostJsonAsync($"/api/payouts/{payout}/retry");
        await retry.ProblemAsync(HttpStatusCode.Forbidden, "coordinators_only");
        using var othersRetry = await _scenario.Student(2).PostJsonAsync($"/api/payouts/{payout}/retry");
        await othersRetry.ProblemAsync(HttpStatusCode.NotFound, "payout_not_found");
        using var partnerFunds = await _scenario.Partner.PostJsonAsync($"/api/payouts/{payout}/fund", new { fundId = Guid.NewGuid() });
        await partnerFunds.ProblemAsync(HttpStatusCode.NotFound, "payout_not_found");
        using var ownView = await _scenario.Student(1).GetAsync($"/api/payouts/{payout}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await ownView.ReadAsync(HttpStatusCode.OK)).GetProperty("flagReason").ValueKind);
        using var badStatus = await _scenario.Coordinator.GetAsync("/api/payouts?status=sent");
        await badStatus.ValidationAsync("status");
    }

    [Fact]
    public async Task TheSummary_CountsAndSumsPerStatusAndFund()
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.100" });
        var placement = _scenario.Placement(amountCents: 41_000);
        await _scenario.PublishAsync(new PlacementCompleted(placement, false, DateTimeOffset.UtcNow));
        await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("paid"));

        using var response = await _scenario.Coordinator.GetAsync("/api/payouts/summary");
        var summary = await response.ReadAsync(HttpStatusCode.OK);
        var paid = summary.GetProperty("byStatus").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "paid");
        Assert.True(paid.GetProperty("count").GetInt32() >= 1);
        Assert.True(paid.GetProperty("amountCents").GetInt64() >= 41_000);
        Assert.True(summary.GetProperty("byFund").GetArrayLength() >= 1);
        using var asStudent = await _scenario.Student().GetAsync("/api/payouts/summary");
        Assert.Equal(HttpStatusCode.Forbidden, asStudent.StatusCode);
    }

    [Fact]
    public async Task TheSummary_AddsTheLargestAmountsWithoutWrapping()
    {
        // 6,000 payouts of the largest a listing may pay ($100 an hour for 40 hours) pass 2^31 cents; a thousand of the
        // largest a fund can hold pass 2^46. Written directly: the point is the sums, not the way in.
        var fund = Guid.NewGuid();
        await _scenario.ScalarAsync<int>($"""
            INSERT INTO payouts (id, placement_id, student_id, organization_id, amount_cents, currency, fund_id, status, attempt, flagged, transient_failures, version, created_at)
            SELECT gen_random_uuid(), gen_random_uuid(), 's-summary', gen_random_uuid(), CASE WHEN n <= 6000 THEN 400000 ELSE {Domain.Fund.MaxBudgetCents} END,
                   'USD', '{fund}', CASE WHEN n % 2 = 0 THEN 'paid' ELSE 'returned' END, 1, false, 0, 1, now()
            FROM generate_series(1, 7000) AS n
            RETURNING 1
            """);

        using var response = await _scenario.Coordinator.GetAsync("/api/payouts/summary");
        var byFund = (await response.ReadAsync(HttpStatusCode.OK)).GetProperty("byFund").EnumerateArray().Single(f => f.GetProperty("fundId").GetString() == fund.ToString());

        Assert.Equal(7000, byFund.GetProperty("count").GetInt32());
        Assert.Equal((6000 * 400_000L) + (1000 * Domain.Fund.MaxBudgetCents), byFund.GetProperty("amountCents").GetInt64());
        Assert.Equal((3000 * 400_000L) + (500 * Domain.Fund.MaxBudgetCents), byFund.GetProperty("paidCents").GetInt64());
    }
}
