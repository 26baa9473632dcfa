using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroInternships.EndToEnd.Tests.Reliability;
using MicroInternships.Hosting;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests.Insights;

/// <summary>
/// A known history driven through the real services: every figure Insights counts equals what the source services'
/// own APIs say, and the same again after the Insights database is lost and rebuilt by replay alone.
/// </summary>
[Collection(BreakableSystemCollection.Name)]
public sealed class InsightsCorrectnessTests(SystemFixture system, ITestOutputHelper output)
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task EveryFigure_EqualsTheSourceServicesCounts_AndAgainAfterARebuildByReplay()
    {
        var world = await HistoryAsync();
        var coordinator = world.Coordinator;
        var scoped = $"/api/insights/summary?organizationId={world.OrganizationId}";
        var institute = $"/api/insights/summary?from={world.EventDay:yyyy-MM-dd}&to={world.EventDay:yyyy-MM-dd}";

        var expected = await SourceCountsAsync(world);
        output.WriteLine($"From the source services: {expected.ToJsonString()}");
        var before = await FiguresAsync(coordinator, scoped, institute, expected);

        var faults = new SystemFaults(system.App);
        var instances = await faults.KillAllAsync(ResourceNames.InsightsApi);
        await system.App.DropDatabaseAsync(ResourceNames.InsightsDb);
        foreach (var instance in instances)
        {
            await faults.RestartAsync(ResourceNames.InsightsApi, instance);
        }

        var after = await FiguresAsync(coordinator, scoped, institute, expected);
        Assert.Equal(Canonical(before), Canonical(after));
    }

    /// <summary>The figures by name, in one order whichever order they were counted in.</summary>
    private static string Canonical(JsonObject figures) =>
        string.Join(", ", figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value?.ToJsonString()}"));

    /// <summary>The figures, once Insights has caught up with the source counts (it is eventually consistent).</summary>
    private static async Task<JsonObject> FiguresAsync(HttpClient coordinator, string scoped, string institute, JsonObject expected)
    {
        JsonObject? last = null;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await coordinator.GetAsync(scoped);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            var registrations = JsonNode.Parse(await coordinator.GetStringAsync(institute))!["institute"];
            last = Counted(summary, registrations);
            return Canonical(last) == Canonical(expected);
        }, "Insights counts what the source services say", TimeSpan.FromMinutes(2), state: () => Task.FromResult(last is null ? "no answer" : Canonical(last)));
        return last!;
    }

    private static JsonObject Counted(JsonObject summary, JsonNode? institute)
    {
        decimal? Figure(string section, string name) => summary[section]![name]!["value"]?.GetValue<decimal>();
        var counted = new JsonObject
        {
            ["listingsPublished"] = Figure("flow", "listingsPublished"),
            ["applications"] = Figure("flow", "applications"),
            ["studentsApplied"] = Figure("reach", "studentsApplied"),
            ["offers"] = Figure("flow", "offers"),
            ["placementsStarted"] = Figure("flow", "placementsStarted"),
            ["placementsCompleted"] = Figure("flow", "placementsCompleted"),
            ["placementsCancelled"] = Figure("flow", "placementsCancelled"),
            ["hoursLogged"] = Figure("work", "hoursLogged"),
            ["coursesWithLinkedListings"] = Figure("reach", "coursesWithLinkedListings"),
        };
        foreach (var status in summary["money"]!["payoutsByStatus"]!.AsArray())
        {
            counted[$"payouts.{status!["status"]}"] = $"{status["count"]!["value"]}/{status["amountCents"]!["value"]}";
        }

        foreach (var registration in institute?["registrations"]?.AsArray() ?? [])
        {
            counted[$"registrations.{registration!["audience"]}.{registration["tier"]}"] = registration["registered"]!.GetValue<int>();
        }

        counted["waitlisted"] = institute?["waitlisted"]?.GetValue<int>();
        counted["promotions"] = institute?["promotions"]?.GetValue<int>();
        return counted;
    }

    /// <summary>The same figures counted from Listings', Placements', Payments' and Events' own APIs.</summary>
    private static async Task<JsonObject> SourceCountsAsync(History world)
    {
        var coordinator = world.Coordinator;
        var listings = new List<JsonElement>();
        foreach (var status in new[] { "open", "filled", "closed", "cancelled" })
        {
            listings.AddRange(await GatewayCalls.AllPagesAsync(coordinator, $"/api/listings?organizationId={world.OrganizationId}&status={status}"));
        }

        var applications = new List<JsonElement>();
        foreach (var listing in listings)
        {
            applications.AddRange(await GatewayCalls.AllPagesAsync(world.Partner, $"/api/applications?listingId={listing.GetProperty("id").GetString()}"));
        }

        var placements = await GatewayCalls.AllPagesAsync(world.Partner, "/api/placements");
        var payouts = await GatewayCalls.AllPagesAsync(coordinator, $"/api/payouts?organizationId={world.OrganizationId}");
        var registrations = await GatewayCalls.AllPagesAsync(coordinator, $"/api/events/{world.EventId}/registrations");
        int Placed(string status) => placements.Count(p => p.GetProperty("status").GetString() == status);

        var counted = new JsonObject
        {
            ["listingsPublished"] = listings.Count(l => l.GetProperty("publishedAt").ValueKind == JsonValueKind.String),
            ["applications"] = applications.Count,
            ["studentsApplied"] = applications.Select(a => a.GetProperty("studentId").GetString()).Distinct().Count(),
            ["offers"] = applications.Count(a => a.GetProperty("offeredAt").ValueKind == JsonValueKind.String),
            ["placementsStarted"] = placements.Count,
            ["placementsCompleted"] = Placed("completed"),
            ["placementsCancelled"] = Placed("cancelled"),
            ["hoursLogged"] = placements.Sum(p => p.GetProperty("loggedHours").GetDecimal()),
            ["coursesWithLinkedListings"] = 1,
        };
        foreach (var status in new[] { "failed", "on_hold", "paid", "pending", "returned", "submitted" })
        {
            var these = payouts.Where(p => p.GetProperty("status").GetString() == status).ToList();
            counted[$"payouts.{status}"] = $"{these.Count}/{these.Sum(p => p.GetProperty("amountCents").GetInt64())}";
        }

        var seated = registrations.Where(r => r.GetProperty("status").GetString() is "confirmed" or "checked_in");
        foreach (var group in seated.GroupBy(r => $"registrations.{r.GetProperty("audience").GetString()}.{r.GetProperty("tier").GetString()}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            counted[group.Key] = group.Count();
        }

        counted["waitlisted"] = registrations.Count(r => r.GetProperty("status").GetString() == "waitlisted");
        counted["promotions"] = world.Promotions;
        return counted;
    }

    private sealed record History(HttpClient Coordinator, HttpClient Partner, string OrganizationId, string EventId, DateOnly EventDay, int Promotions);

    /// <summary>
    /// An organization with three listings (one linked to a course, one paid from an empty fund): placements completed
    /// and paid, completed and failed (the simulator fails students named <c>fail-</c>), completed and on hold, active
    /// and cancelled, applications left pending; and an Institute event, alone on its day, with early-bird and regular
    /// registrations, a waitlist and a promotion.
    /// </summary>
    private async Task<History> HistoryAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await _calls.ClientAsync(new { sub = "c-insights", role = "coordinator", name = "Casey" });
        var organizationId = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = $"Insights Co {suffix}" },
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var partner = await _calls.ClientAsync(new { sub = $"p-ins-{suffix}", role = "partner", name = "Pat", org = organizationId });
        var faculty = await _calls.ClientAsync(new { sub = $"f-ins-{suffix}", role = "faculty", name = "Dr. Flores" });
        var courseId = (await GatewayCalls.SendAsync(faculty, HttpMethod.Post, "/api/courses", new
        {
            code = $"INS-{suffix}", title = "Measuring Programs", term = "Winter 2027", department = "Public Policy",
            disciplines = new[] { "Marketing" }, skills = new[] { "testing" }, enrollment = 20,
        }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var linked = await GatewayCalls.PublishedListingAsync(partner, $"Measured survey {suffix}", "testing", openings: 4);
        await GatewayCalls.SendAsync(faculty, HttpMethod.Put, $"/api/courses/{courseId}/listings/{linked}", expected: HttpStatusCode.NoContent);
        var plain = await GatewayCalls.PublishedListingAsync(partner, $"Unlinked survey {suffix}", "testing", openings: 2);
        var fundId = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/funds",
            new { name = $"Empty grant {suffix}", budgetCents = 0, currency = "USD" }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var funded = JsonSerializer.SerializeToNode(GatewayCalls.ListingBody($"Grant-funded survey {suffix}"), JsonSerializerOptions.Web)!.AsObject();
        funded["organizationId"] = organizationId;
        funded["fundId"] = fundId;
        var fundedId = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/listings", funded, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/listings/{fundedId}/publish");

        async Task<(HttpClient Student, string Placement)> PlaceAsync(string listing, string name)
        {
            var student = await _calls.ClientAsync(new { sub = $"{name}-{suffix}", role = "student", name });
            return (student, await GatewayCalls.AcceptedPlacementAsync(partner, student, listing, $"{name} would like this project."));
        }

        foreach (var name in new[] { "s-ada", "s-bo", "fail-cy" })
        {
            var (student, placement) = await PlaceAsync(linked, name);
            await GatewayCalls.ApprovedWorkAsync(partner, student, placement, "Survey analysis");
        }

        var (_, active) = await PlaceAsync(linked, "s-dee");
        var (_, cancelled) = await PlaceAsync(plain, "s-eve");
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/placements/{cancelled}/cancel", new { reason = "The project was withdrawn." });
        var (onHoldStudent, onHold) = await PlaceAsync(fundedId, "s-fay");
        // The empty fund's refusal changes the placement (unfunded); work submitted before that lands would race it.
        await GatewayCalls.EventuallyAsync(async () =>
        {
            var placement = await GatewayCalls.SendAsync(onHoldStudent, HttpMethod.Get, $"/api/placements/{onHold}");
            return placement.GetProperty("fundingStatus").GetString() == "unfunded" ? placement : (JsonElement?)null;
        });
        await GatewayCalls.ApprovedWorkAsync(partner, onHoldStudent, onHold, "Grant survey");
        var pending = await _calls.ClientAsync(new { sub = $"s-gus-{suffix}", role = "student", name = "Gus" });
        await GatewayCalls.EventuallyAsync(async () =>
        {
            using var response = await pending.PostAsJsonAsync("/api/applications", new { listingId = plain, pitch = "Still deciding." });
            return response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        });
        output.WriteLine($"History: organization {organizationId}, active placement {active}");

        var (eventId, eventDay, promotions) = await InstituteAsync(coordinator, suffix);
        await Eventually.HoldsAsync(async () =>
        {
            var payouts = await GatewayCalls.AllPagesAsync(coordinator, $"/api/payouts?organizationId={organizationId}");
            return payouts.Count == 4 && payouts.All(p => p.GetProperty("status").GetString() is "paid" or "failed" or "on_hold");
        }, "every payout reached its final state", TimeSpan.FromMinutes(1));
        return new History(coordinator, partner, organizationId, eventId, eventDay, promotions);
    }

    private async Task<(string EventId, DateOnly Day, int Promotions)> InstituteAsync(HttpClient coordinator, string suffix)
    {
        var now = DateTimeOffset.UtcNow;
        var startsAt = new DateTimeOffset(now.Year + 2, 3, 8, 17, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 200));
        // Long enough for the event, two tokens and two registrations on a busy machine.
        var earlyBird = now.AddSeconds(15);
        var eventId = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/events", new
        {
            title = $"Insights Institute {suffix}", venue = "Student Union", timeZone = "America/Los_Angeles",
            startsAt, endsAt = startsAt.AddHours(6), capacity = 3,
            registrationOpensAt = now.AddMinutes(-1), earlyBirdDeadline = earlyBird, registrationClosesAt = now.AddDays(30),
            fees = new[] { new { audience = "faculty", earlyBirdCents = 7_500, regularCents = 9_500 }, new { audience = "student", earlyBirdCents = 0, regularCents = 0 } },
        }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        async Task<JsonElement> RegisterAsync(string role, string name) => await GatewayCalls.SendAsync(
            await _calls.ClientAsync(new { sub = $"{role[0]}-{name}-{suffix}", role, name }), HttpMethod.Post, $"/api/events/{eventId}/registrations", new { },
            HttpStatusCode.Created);

        var first = await RegisterAsync("faculty", "early");
        var lastEarly = (await RegisterAsync("student", "early")).GetProperty("createdAt").GetDateTimeOffset();
        Assert.True(lastEarly <= earlyBird, $"The early registrations ended at {lastEarly:O}, after the early-bird deadline {earlyBird:O}");
        var untilRegular = earlyBird - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        await Task.Delay(untilRegular > TimeSpan.Zero ? untilRegular : TimeSpan.Zero);
        await RegisterAsync("faculty", "late");
        await RegisterAsync("student", "waiting");
        await RegisterAsync("student", "last");
        await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/events/{eventId}/registrations/{first.GetProperty("id").GetString()}/cancel");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startsAt, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);
        return (eventId, day, 1);
    }
}
