using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// Payments owns a payout's state and Placements shows a copy of it: a placement whose fund ran dry shows its payment
/// <c>on_hold</c> only once Payments put the payout on hold, and leaves it within seconds of a coordinator funding the payout.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class OnHoldPayoutJourneyTests(SystemFixture system, ITestOutputHelper output)
{
    // Outbox, broker and consumer on a busy two-core machine with two replicas in Debug; the time it took is printed.
    private static readonly TimeSpan FundedWithin = TimeSpan.FromSeconds(10);

    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task APayoutOnHold_ThatACoordinatorFunds_LeavesOnHoldInPlacements_WithinSeconds()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await _calls.ClientAsync(new { sub = "c-e2e", role = "coordinator", name = "Casey" });
        var organizationId = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = $"On Hold Co {suffix}" },
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var fundId = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/funds",
            new { name = $"Empty grant {suffix}", budgetCents = 0, currency = "USD" }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var partner = await _calls.ClientAsync(new { sub = $"p-hold-{suffix}", role = "partner", name = "Pat", org = organizationId });
        var student = await _calls.ClientAsync(new { sub = $"s-hold-{suffix}", role = "student", name = "Robin" });

        var listing = JsonSerializer.SerializeToNode(GatewayCalls.ListingBody($"Funded survey {suffix}"), JsonSerializerOptions.Web)!.AsObject();
        listing["organizationId"] = organizationId;
        listing["fundId"] = fundId;
        var listingId = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/listings", listing, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/listings/{listingId}/publish");
        var placementId = await GatewayCalls.AcceptedPlacementAsync(partner, student, listingId, "I run surveys at work.");
        await PlacementAsync(student, placementId, p => p.GetProperty("fundingStatus").GetString() == "unfunded");

        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/time-entries",
            new { date = ProgramDay.Today, hours = 4m, note = "Survey design" }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/submit", new { note = "Survey results attached" });
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/placements/{placementId}/approve", new { rating = 5, feedback = "Clear results" });
        await PlacementAsync(student, placementId, p => p.GetProperty("paymentStatus").GetString() == "on_hold");

        var payouts = await GatewayCalls.SendAsync(student, HttpMethod.Get, "/api/payouts");
        var payoutId = Assert.Single(payouts.GetProperty("items").EnumerateArray()).GetProperty("id").GetString();
        await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/funds/{fundId}/adjustments", new { amountCents = 40_000, reason = "Grant arrived" },
            HttpStatusCode.Created);
        await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/payouts/{payoutId}/fund", new { fundId });
        var funded = Stopwatch.StartNew();

        string? status;
        while ((status = (await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/placements/{placementId}")).GetProperty("paymentStatus").GetString()) == "on_hold"
            && funded.Elapsed < FundedWithin)
        {
            await Task.Delay(20);
        }

        output.WriteLine($"Placements showed the funded payout as {status} after {funded.ElapsedMilliseconds} ms");
        Assert.NotEqual("on_hold", status);
        await PlacementAsync(student, placementId, p => p.GetProperty("paymentStatus").GetString() == "paid");
    }

    private static Task<JsonElement> PlacementAsync(HttpClient student, string placementId, Func<JsonElement, bool> condition) =>
        GatewayCalls.EventuallyAsync(async () =>
        {
            var placement = await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/placements/{placementId}");
            return condition(placement) ? placement : null;
        });
}
