using System.Net;
using System.Text.Json;
using MicroInternships.Hosting;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// The money attacks of docs/reliability.md, replayed through the gateway against the whole system: no payout opens
/// that a partner or a coordinator did not accept, and the fund's books add up afterwards. "Seven days later" is the
/// settlement's deadline moved into the past in Placements' database; the time rules (every second here) do the rest.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class MoneyAttackTests(SystemFixture system)
{
    private const long Budget = 500_000;
    private const long Amount = 40_000; // 20 hours

    private readonly GatewayCalls _calls = new(system);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task NoPayoutOpens_ThatAPartnerOrACoordinatorDidNotAccept_AndTheFundsBooksAddUp()
    {
        var coordinator = await _calls.ClientAsync(new { sub = $"c-money-{_suffix}", role = "coordinator", name = "Coordinator" });
        var organization = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = $"Money Co {_suffix}" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var partner = await _calls.ClientAsync(new { sub = $"p-money-{_suffix}", role = "partner", name = "Partner", org = organization });
        var fund = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/funds", new { name = $"Money grant {_suffix}", budgetCents = Budget, currency = "USD" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var listing = await FundedListingAsync(coordinator, organization, fund);

        // Absurd amounts and re-pricing a funded listing never reach a placement.
        await ProblemAsync(partner, HttpMethod.Post, "/api/listings", Body(long.MaxValue, 40, 1), HttpStatusCode.BadRequest, "validation_failed", "compensation.amountCents");
        await ProblemAsync(partner, HttpMethod.Post, "/api/listings", Body(400_001, 40, 1), HttpStatusCode.BadRequest, "validation_failed", "compensation.amountCents");
        await ProblemAsync(partner, HttpMethod.Put, $"/api/listings/{listing}", Body(80_000, 20, 3), HttpStatusCode.Conflict, "funded_economics_locked");
        await ProblemAsync(partner, HttpMethod.Put, $"/api/listings/{listing}", Body(Amount, 20, 50), HttpStatusCode.Conflict, "funded_economics_locked");
        var unchanged = await GatewayCalls.SendAsync(partner, HttpMethod.Get, $"/api/listings/{listing}");
        Assert.Equal(Amount, unchanged.GetProperty("compensation").GetProperty("amountCents").GetInt64());
        Assert.Equal(3, unchanged.GetProperty("openings").GetInt32());

        // A student logs hours ahead of time (two days ahead: a Los Angeles midnight passing mid-test cannot make it
        // today) and cancels, then waits out the partner's seven days.
        var (selfPaid, selfPaidStudent) = await PlacementAsync(partner, listing, "self-paid");
        await GatewayCalls.SendAsync(selfPaidStudent, HttpMethod.Post, $"/api/placements/{selfPaid}/time-entries",
            new { date = ProgramDay.Today, hours = 12m, note = "Most of it" }, HttpStatusCode.Created);
        await ProblemAsync(selfPaidStudent, HttpMethod.Post, $"/api/placements/{selfPaid}/time-entries",
            new { date = ProgramDay.Today.AddDays(2), hours = 12m, note = "Hours not yet worked" }, HttpStatusCode.BadRequest, "validation_failed", "date");
        var cancelled = await GatewayCalls.SendAsync(selfPaidStudent, HttpMethod.Post, $"/api/placements/{selfPaid}/cancel", new { reason = "Done with it" });
        Assert.Equal("pending", cancelled.GetProperty("settlement").GetString());
        Assert.Equal(24_000, cancelled.GetProperty("proposedPayableCents").GetInt64());
        await ProblemAsync(selfPaidStudent, HttpMethod.Post, $"/api/placements/{selfPaid}/settlement", new { payableCents = 24_000 }, HttpStatusCode.Forbidden, "not_settlement_party");
        await SevenDaysLaterAsync(selfPaid);
        await SettlementBecomesAsync(coordinator, selfPaid, "escalated");

        // A student disputes a partner's settlement of nothing; only the coordinator's decision is paid.
        var (disputed, disputingStudent) = await PlacementAsync(partner, listing, "disputing");
        await GatewayCalls.SendAsync(disputingStudent, HttpMethod.Post, $"/api/placements/{disputed}/time-entries",
            new { date = ProgramDay.Today, hours = 10m, note = "Half of it" }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(disputingStudent, HttpMethod.Post, $"/api/placements/{disputed}/cancel", new { reason = "Moving abroad" });
        var lowball = await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/placements/{disputed}/settlement", new { payableCents = 0, reason = "Nothing usable" });
        Assert.Equal("settled", lowball.GetProperty("settlement").GetString());
        await GatewayCalls.SendAsync(disputingStudent, HttpMethod.Post, $"/api/placements/{disputed}/settlement/dispute", new { reason = "The interviews were delivered" });
        await SevenDaysLaterAsync(disputed);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await SettlementBecomesAsync(coordinator, disputed, "escalated");
        var escalated = await GatewayCalls.AllPagesAsync(coordinator, "/api/placements?settlement=escalated");
        Assert.Contains(escalated, p => p.GetProperty("id").GetString() == selfPaid);
        Assert.Contains(escalated, p => p.GetProperty("id").GetString() == disputed);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0L, await PayoutsOfAsync(organization));
        await FundIsAsync(coordinator, fund, reserved: 2 * Amount, spent: 0);

        var decided = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/placements/{disputed}/settlement", new { payableCents = 15_000, reason = "Interviews delivered, no report" });
        Assert.Equal("final", decided.GetProperty("settlement").GetString());
        await GatewayCalls.EventuallyAsync(async () =>
        {
            var placement = await GatewayCalls.SendAsync(disputingStudent, HttpMethod.Get, $"/api/placements/{disputed}");
            return placement.GetProperty("paymentStatus").GetString() == "paid" ? placement : null;
        });

        Assert.Equal(1L, await PayoutsOfAsync(organization));
        Assert.Equal(15_000L, await system.App.ScalarAsync<long>(ResourceNames.PaymentsDb, $"SELECT amount_cents FROM payouts WHERE organization_id = '{organization}'"));
        await FundIsAsync(coordinator, fund, reserved: Amount, spent: 15_000);
    }

    private async Task<string> FundedListingAsync(HttpClient coordinator, string organization, string fund)
    {
        var body = Body(Amount, 20, 3);
        body["organizationId"] = organization;
        body["fundId"] = fund;
        var listing = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/listings", body, HttpStatusCode.Created);
        var id = listing.GetProperty("id").GetString()!;
        await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/listings/{id}/publish");
        return id;
    }

    private Dictionary<string, object?> Body(long amountCents, int hours, int openings)
    {
        var fields = JsonSerializer.SerializeToElement(GatewayCalls.ListingBody($"Funded research {_suffix}", openings: openings))
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["compensation"] = new { amountCents, currency = "USD" };
        fields["estimatedHours"] = hours;
        return fields;
    }

    private async Task<(string Placement, HttpClient Student)> PlacementAsync(HttpClient partner, string listing, string who)
    {
        var student = await _calls.ClientAsync(new { sub = $"s-{who}-{_suffix}", role = "student", name = $"Student {who}" });
        return (await GatewayCalls.AcceptedPlacementAsync(partner, student, listing, "I can do this."), student);
    }

    /// <summary>The cancellation and its settlement, with any deadline they set (the partner's, the dispute's), moved seven days back.</summary>
    private Task SevenDaysLaterAsync(string placement) => system.App.ScalarAsync<int>(ResourceNames.PlacementsDb, $"""
        UPDATE placements SET cancelled_at = cancelled_at - interval '7 days', settled_at = settled_at - interval '7 days',
                              settlement_due_at = settlement_due_at - interval '7 days'
        WHERE id = '{placement}' RETURNING 1
        """);

    private static Task SettlementBecomesAsync(HttpClient coordinator, string placement, string settlement) => GatewayCalls.EventuallyAsync(async () =>
    {
        var found = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, $"/api/placements/{placement}");
        return found.GetProperty("settlement").GetString() == settlement ? found : null;
    });

    private Task<long> PayoutsOfAsync(string organization) =>
        system.App.ScalarAsync<long>(ResourceNames.PaymentsDb, $"SELECT count(*) FROM payouts WHERE organization_id = '{organization}'");

    private static async Task FundIsAsync(HttpClient coordinator, string fund, long reserved, long spent)
    {
        var books = await GatewayCalls.EventuallyAsync(async () =>
        {
            var found = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, $"/api/funds/{fund}");
            return found.GetProperty("reservedCents").GetInt64() == reserved && found.GetProperty("spentCents").GetInt64() == spent ? found : null;
        });
        Assert.Equal(
            books.GetProperty("budgetCents").GetInt64(),
            books.GetProperty("availableCents").GetInt64() + books.GetProperty("reservedCents").GetInt64() + books.GetProperty("spentCents").GetInt64());
        Assert.Equal(Budget, books.GetProperty("budgetCents").GetInt64());
    }

    private static async Task ProblemAsync(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode status, string code, string? field = null)
    {
        var problem = await GatewayCalls.SendAsync(client, method, path, body, status);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}: no error for {field}: {problem}");
        }
    }
}
