using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// The program's scarce things, raced for through the gateway again and again: seats at the Institute, a listing's
/// openings, a fund's money. Never one more than there is, in any run.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RaceTests(SystemFixture system, ITestOutputHelper output)
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task FiveHundredRegistrationsForFiftySeats_ConfirmFifty_EveryRun()
    {
        var coordinator = await _calls.ClientAsync(new { sub = "c-race", role = "coordinator", name = "Casey" });
        for (var run = 0; run < ReliabilitySettings.RaceRuns; run++)
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var now = DateTimeOffset.UtcNow;
            var @event = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/events", new
            {
                title = $"Race {suffix}", venue = "Hall R", timeZone = "America/Los_Angeles",
                startsAt = now.AddDays(40), endsAt = now.AddDays(41), capacity = 50,
                registrationOpensAt = now.AddMinutes(-1), earlyBirdDeadline = now.AddDays(5), registrationClosesAt = now.AddDays(30),
                fees = new[] { new { audience = "student", earlyBirdCents = 0, regularCents = 0 } },
            }, HttpStatusCode.Created);
            var eventId = @event.GetProperty("id").GetString();
            var tokens = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => _calls.TokenAsync(new { sub = $"s-race-{suffix}-{i}", role = "student", name = $"Racer {i}" })));

            var registrations = await Task.WhenAll(tokens.Select(token => SendAsync(token, HttpMethod.Post, $"/api/events/{eventId}/registrations", new { })));

            Assert.All(registrations, r => Assert.Equal(HttpStatusCode.Created, r.Status));
            Assert.Equal(50, registrations.Count(r => r.Body.GetProperty("status").GetString() == "confirmed"));
            var positions = registrations.Where(r => r.Body.GetProperty("status").GetString() == "waitlisted")
                .Select(r => r.Body.GetProperty("waitlistPosition").GetInt32()).Order();
            Assert.Equal(Enumerable.Range(1, 450), positions);
        }

        output.WriteLine($"{ReliabilitySettings.RaceRuns} runs of 500 concurrent registrations for 50 seats: 50 confirmed and 450 waitlisted in order, every run");
    }

    [Fact]
    public async Task FiftyAcceptsForTwoOpenings_StartTwoPlacements_EveryRun()
    {
        var world = await ReliabilityWorld.CreateAsync(_calls, callersPerRole: 1);
        for (var run = 0; run < ReliabilitySettings.RaceRuns; run++)
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var partner = await _calls.ClientAsync(new { sub = $"p-race-{suffix}", role = "partner", name = "Pat", org = world.OrganizationId });
            var listingId = await GatewayCalls.PublishedListingAsync(partner, $"Two openings {suffix}", "testing", openings: 2);
            var offered = await OfferedApplicationsAsync(partner, listingId, suffix, 50);

            var accepts = await Task.WhenAll(offered.Select(o => SendAsync(o.Token, HttpMethod.Post, $"/api/applications/{o.ApplicationId}/accept")));

            Assert.Equal(2, accepts.Count(a => a.Status == HttpStatusCode.Created));
            Assert.Equal(48, accepts.Count(a => a.Status == HttpStatusCode.Conflict));
            var listing = await GatewayCalls.EventuallyAsync(async () =>
            {
                var current = await GatewayCalls.SendAsync(partner, HttpMethod.Get, $"/api/listings/{listingId}");
                return current.GetProperty("status").GetString() == "filled" ? current : (JsonElement?)null;
            });
            Assert.Equal(2, listing.GetProperty("filledCount").GetInt32());
        }

        output.WriteLine($"{ReliabilitySettings.RaceRuns} runs of 50 concurrent accepts for 2 openings: exactly 2 placements, 48 refused, every run");
    }

    [Fact]
    public async Task AHundredPlacementsOnAFundForTen_ReserveTen_EveryRun()
    {
        var coordinator = await _calls.ClientAsync(new { sub = "c-race", role = "coordinator", name = "Casey" });
        const long amountCents = 40_000;
        for (var run = 0; run < ReliabilitySettings.RaceRuns; run++)
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var organization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = $"Funded Co {suffix}" }, HttpStatusCode.Created);
            var organizationId = organization.GetProperty("id").GetString()!;
            var fund = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/funds",
                new { name = $"Race fund {suffix}", budgetCents = 10 * amountCents, currency = "USD" }, HttpStatusCode.Created);
            var fundId = fund.GetProperty("id").GetString()!;
            var partner = await _calls.ClientAsync(new { sub = $"p-fund-{suffix}", role = "partner", name = "Pat", org = organizationId });
            var offered = new List<(string Token, string ApplicationId)>();
            for (var half = 0; half < 2; half++)
            {
                var listing = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/listings",
                    WithFund(ReliabilityWorld.Listing($"Funded {suffix} {half}", openings: 50), organizationId, fundId), HttpStatusCode.Created);
                var listingId = listing.GetProperty("id").GetString()!;
                await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/listings/{listingId}/publish");
                offered.AddRange(await OfferedApplicationsAsync(partner, listingId, $"{suffix}-{half}", 50));
            }

            var accepts = await Task.WhenAll(offered.Select(o => SendAsync(o.Token, HttpMethod.Post, $"/api/applications/{o.ApplicationId}/accept")));
            Assert.All(accepts, a => Assert.Equal(HttpStatusCode.Created, a.Status));

            // A placement on a funded listing starts as reserved; Payments reserves on each PlacementStarted as it arrives,
            // concurrently, and a refusal turns the placement unfunded. Ten reserved and ninety refused are a hundred decisions.
            var unfunded = 0;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (DateTime.UtcNow < deadline && (unfunded = await UnfundedCountAsync(partner)) < 90)
            {
                await Task.Delay(250);
            }

            Assert.Equal(90, unfunded);
            var after = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, $"/api/funds/{fundId}");
            Assert.Equal(10 * amountCents, after.GetProperty("reservedCents").GetInt64());
            Assert.Equal(0, after.GetProperty("availableCents").GetInt64());
        }

        output.WriteLine($"{ReliabilitySettings.RaceRuns} runs of 100 concurrent placements on a fund that covers 10: exactly 10 reserved, 90 unfunded, every run");
    }

    /// <summary>That many new students apply to the listing and the partner offers each; each student's token and application.</summary>
    private async Task<IReadOnlyList<(string Token, string ApplicationId)>> OfferedApplicationsAsync(HttpClient partner, string listingId, string suffix, int count)
    {
        var offered = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var token = await _calls.TokenAsync(new { sub = $"s-{suffix}-{i}", role = "student", name = $"Student {i}" });
            var application = await GatewayCalls.EventuallyAsync(async () =>
            {
                var (status, body) = await SendAsync(token, HttpMethod.Post, "/api/applications", new { listingId, pitch = "Me, please." });
                return status == HttpStatusCode.Created ? body : null;
            });
            var applicationId = application.GetProperty("id").GetString()!;
            await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/applications/{applicationId}/offer");
            offered.Add((token, applicationId));
        }

        return offered;
    }

    private static async Task<int> UnfundedCountAsync(HttpClient partner) =>
        (await GatewayCalls.AllPagesAsync(partner, "/api/placements")).Count(p => p.GetProperty("fundingStatus").GetString() == "unfunded");

    private static object WithFund(object listing, string organizationId, string fundId)
    {
        var fields = JsonSerializer.SerializeToNode(listing, JsonSerializerOptions.Web)!.AsObject();
        fields["organizationId"] = organizationId;
        fields["fundId"] = fundId;
        return fields;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await system.Gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
