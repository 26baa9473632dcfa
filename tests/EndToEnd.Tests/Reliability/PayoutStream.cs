using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Hosting;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Many students' submitted work, approved in one stream while faults are injected; then the proof that each
/// placement was paid exactly once, at Payments and at the payment partner, and that nothing was left unsent.
/// </summary>
public sealed class PayoutStream
{
    private const int OpeningsPerListing = 50;
    private const int Concurrency = 4;
    private readonly SystemFixture _system;
    private readonly HttpClient _coordinator;
    private readonly IReadOnlyList<HttpClient> _partners;
    private readonly ConcurrentBag<(string PlacementId, HttpClient Student)> _placements = [];

    private PayoutStream(SystemFixture system, string organizationId, HttpClient coordinator, IReadOnlyList<HttpClient> partners)
    {
        _system = system;
        OrganizationId = organizationId;
        _coordinator = coordinator;
        _partners = partners;
    }

    public string OrganizationId { get; }

    /// <summary>Approvals the gateway could not deliver at the first try (the service was down) and that were sent again.</summary>
    public int ApprovalRetries => _approvalRetries;

    private int _approvalRetries;

    /// <summary><paramref name="count"/> placements, each with logged hours and submitted work.</summary>
    public static async Task<PayoutStream> PrepareAsync(SystemFixture system, int count)
    {
        var calls = new GatewayCalls(system);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await calls.ClientAsync(new { sub = $"c-stream-{suffix}", role = "coordinator", name = "Casey" });
        var organization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = $"Stream Co {suffix}" }, HttpStatusCode.Created);
        var organizationId = organization.GetProperty("id").GetString()!;
        // Each partner caller has its own rate limit; a long stream spreads its offers and approvals over several.
        var partners = await Task.WhenAll(Enumerable.Range(1, count / 100 + 2).Select(i =>
            calls.ClientAsync(new { sub = $"p-stream-{suffix}-{i}", role = "partner", name = $"Partner {i}", org = organizationId })));
        var stream = new PayoutStream(system, organizationId, coordinator, partners);

        var listings = new List<string>();
        for (var remaining = count; remaining > 0; remaining -= OpeningsPerListing)
        {
            var listing = await GatewayCalls.SendAsync(partners[0], HttpMethod.Post, "/api/listings",
                ReliabilityWorld.Listing($"Stream {suffix} {listings.Count}", Math.Min(remaining, OpeningsPerListing)), HttpStatusCode.Created);
            var listingId = listing.GetProperty("id").GetString()!;
            await GatewayCalls.SendAsync(partners[0], HttpMethod.Post, $"/api/listings/{listingId}/publish");
            listings.Add(listingId);
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
        {
            var student = await calls.ClientAsync(new { sub = $"s-stream-{suffix}-{i}", role = "student", name = $"Student {i}" });
            var placementId = await GatewayCalls.AcceptedPlacementAsync(partners[i % partners.Length], student, listings[i / OpeningsPerListing], "Ready to work.");
            await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/time-entries",
                new { date = ProgramDay.Today, hours = 3m, note = "Work" }, HttpStatusCode.Created);
            await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/submit", new { note = "Done" });
            stream._placements.Add((placementId, student));
        });
        return stream;
    }

    /// <summary>
    /// Approves every placement, spread over <paramref name="spread"/> so faults land mid-stream, sending an approval
    /// again while its service is down, until each is completed.
    /// </summary>
    public Task ApproveAllAsync(TimeSpan spread)
    {
        var pause = spread * Concurrency / Math.Max(1, _placements.Count);
        return Parallel.ForEachAsync(_placements.Select((p, i) => (p.PlacementId, Partner: _partners[i % _partners.Count])),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (placement, _) =>
            {
                await Task.Delay(pause);
                var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
                while (!await ApprovedAsync(placement.Partner, placement.PlacementId))
                {
                    Assert.True(DateTime.UtcNow < deadline, $"Placement {placement.PlacementId} was never approved.");
                    Interlocked.Increment(ref _approvalRetries);
                    await Task.Delay(500);
                }
            });
    }

    /// <summary>Every placement paid; one payout each, paid; one payout each at the partner; every outbox drained.</summary>
    public async Task AssertPaidExactlyOnceAsync(SystemFaults faults, TimeSpan timeout)
    {
        var expected = _placements.Select(p => p.PlacementId).ToHashSet();
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<JsonElement> payouts;
        while (true)
        {
            payouts = await GatewayCalls.AllPagesAsync(_coordinator, $"/api/payouts?organizationId={OrganizationId}");
            var paid = payouts.Count(p => p.GetProperty("status").GetString() == "paid");
            if (paid >= expected.Count || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(1_000);
        }

        var byPlacement = payouts.GroupBy(p => p.GetProperty("placementId").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Count, payouts.Count);
        Assert.True(expected.SetEquals(byPlacement.Keys), "Some placements have no payout, or payouts belong to others.");
        Assert.All(payouts, p => Assert.Equal("paid", p.GetProperty("status").GetString()));

        var payoutIds = payouts.Select(p => p.GetProperty("id").GetString()!).ToHashSet();
        var atPartner = (await _system.PaymentPartner.GetFromJsonAsync<JsonElement>("/admin/payouts")).EnumerateArray()
            .Where(p => payoutIds.Contains(p.GetProperty("reference").GetString()!)).ToList();
        Assert.Equal(expected.Count, atPartner.Count);
        Assert.Equal(expected.Count, atPartner.Select(p => p.GetProperty("idempotencyKey").GetString()).Distinct().Count());
        Assert.Equal(expected.Count, atPartner.Select(p => p.GetProperty("reference").GetString()).Distinct().Count());

        foreach (var (placementId, student) in _placements)
        {
            var placement = await GatewayCalls.EventuallyAsync(async () =>
            {
                var current = await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/placements/{placementId}");
                return current.GetProperty("paymentStatus").GetString() == "paid" ? current : (JsonElement?)null;
            });
            Assert.Equal("completed", placement.GetProperty("status").GetString());
        }

        foreach (var database in new[] { ResourceNames.ListingsDb, ResourceNames.PlacementsDb, ResourceNames.PaymentsDb, ResourceNames.EventsDb, ResourceNames.NotificationsDb })
        {
            await faults.AssertOutboxDrainsAsync(database, TimeSpan.FromSeconds(60));
        }
    }

    private static async Task<bool> ApprovedAsync(HttpClient partner, string placementId)
    {
        try
        {
            using var response = await partner.PostAsync($"/api/placements/{placementId}/approve",
                JsonContent.Create(new { rating = 5, feedback = "Good work" }));
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            // An approval whose answer was lost with the process: the placement says whether it was committed.
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                using var current = await partner.GetAsync($"/api/placements/{placementId}");
                return current.IsSuccessStatusCode
                    && (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "completed";
            }

            Assert.True((int)response.StatusCode >= 500, $"Approving {placementId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
