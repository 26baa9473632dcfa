using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Hosting;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Outages that degrade the system instead of taking it down: with RabbitMQ stopped every API still reads and writes
/// and the gateway stays ready; with one service stopped only its routes answer 503. In the collection that runs last.
/// </summary>
[Collection(BreakableSystemCollection.Name)]
public sealed class OutageTests(SystemFixture system, ITestOutputHelper output)
{
    private static readonly string[] _services =
        [ResourceNames.ListingsApi, ResourceNames.PlacementsApi, ResourceNames.PaymentsApi, ResourceNames.EventsApi, ResourceNames.NotificationsApi, ResourceNames.InsightsApi];

    private static readonly string[] _publishers = [ResourceNames.ListingsDb, ResourceNames.PlacementsDb, ResourceNames.PaymentsDb, ResourceNames.EventsDb];

    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task BrokerStopped_EveryApiStillReadsAndWrites_TheGatewayStaysReady_ThenEverythingDrains()
    {
        var people = await PeopleAsync();
        var earlierListing = await GatewayCalls.PublishedListingAsync(people.Partner, $"Before the outage {people.Suffix}", "testing", openings: 2);
        await GatewayCalls.AcceptedPlacementAsync(people.Partner, people.Student, earlierListing, "Placements knows this listing before the broker goes.");
        var faults = new SystemFaults(system.App);
        var elapsed = Stopwatch.StartNew();

        var broker = await faults.KillAsync(ResourceNames.RabbitMqServer);
        string listingId;
        try
        {
            // Writes on every service that takes them; their events wait in the outboxes.
            listingId = await GatewayCalls.PublishedListingAsync(people.Partner, $"During the outage {people.Suffix}", "testing");
            await GatewayCalls.SendAsync(people.Coordinator, HttpMethod.Post, "/api/funds",
                new { name = $"Outage fund {people.Suffix}", budgetCents = 100_000, currency = "USD" }, HttpStatusCode.Created);
            await GatewayCalls.SendAsync(people.Coordinator, HttpMethod.Post, "/api/events", InstituteBody(people.Suffix), HttpStatusCode.Created);
            var secondStudent = await _calls.ClientAsync(new { sub = $"s2-outage-{people.Suffix}", role = "student", name = "Sam Outage" });
            await GatewayCalls.SendAsync(secondStudent, HttpMethod.Post, "/api/applications",
                new { listingId = earlierListing, pitch = "Applying while the broker is away." }, HttpStatusCode.Created);
            await GatewayCalls.SendAsync(people.Student, HttpMethod.Post, "/api/notifications/read-all", expected: HttpStatusCode.NoContent);

            // Reads on every service.
            foreach (var read in new[] { $"/api/listings/{listingId}", "/api/funds", "/api/events", "/api/applications", "/api/insights/summary" })
            {
                await GatewayCalls.SendAsync(people.Coordinator, HttpMethod.Get, read);
            }

            await GatewayCalls.SendAsync(people.Student, HttpMethod.Get, "/api/notifications");
            Assert.True(await faults.UnsentOutboxRowsAsync(ResourceNames.ListingsDb) > 0, "the listing's events wait in the outbox");

            await AssertGatewayReadyAsync();
            // Each service says it is degraded; the gateway finds each one ready, so none of its routes is refused.
            var degraded = await DetailAsync(detail => _services.All(service => Reported(detail, service) == "Degraded"));
            Assert.Equal("Healthy", degraded.GetProperty("status").GetString());
            output.WriteLine($"Broker down: every write and read answered, the gateway ready, every service Degraded at {elapsed.Elapsed.TotalSeconds:N1} s");
        }
        finally
        {
            await faults.RestartAsync(ResourceNames.RabbitMqServer, broker);
        }

        foreach (var database in _publishers)
        {
            await faults.AssertOutboxDrainsAsync(database, TimeSpan.FromSeconds(60));
        }

        await GatewayCalls.AcceptedPlacementAsync(people.Partner, people.Student, listingId, "The listing published during the outage reached Placements.");
        await DetailAsync(detail => _services.All(service => Reported(detail, service) == "Healthy"));
        output.WriteLine($"Broker back: every outbox drained and every service Healthy at {elapsed.Elapsed.TotalSeconds:N1} s");
    }

    [Fact]
    public async Task OneServiceStopped_OnlyItsRoutesAnswer503_TheOthersKeepWorking()
    {
        var people = await PeopleAsync();
        var faults = new SystemFaults(system.App);

        var stopped = await faults.KillAllAsync(ResourceNames.EventsApi);
        try
        {
            // The first calls may wait for the proxy's probe to notice; from then on the route answers at once.
            var refused = await GatewayCalls.EventuallyAsync(async () => await AnswerWithinAsync(people.Coordinator, "/api/events", TimeSpan.FromSeconds(5)) is
                { StatusCode: HttpStatusCode.ServiceUnavailable } answer ? answer : null);
            Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
            Assert.Equal("service_unavailable", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            refused.Dispose();

            await GatewayCalls.SendAsync(people.Coordinator, HttpMethod.Get, "/api/listings");
            await GatewayCalls.SendAsync(people.Coordinator, HttpMethod.Get, "/api/funds");
            await GatewayCalls.PublishedListingAsync(people.Partner, $"While Events is down {people.Suffix}", "testing");
            await AssertGatewayReadyAsync();
            await DetailAsync(detail => Reported(detail, ResourceNames.EventsApi) == "Unreachable"
                && _services.Where(service => service != ResourceNames.EventsApi).All(service => Reported(detail, service) == "Healthy"));
        }
        finally
        {
            foreach (var instance in stopped)
            {
                await faults.RestartAsync(ResourceNames.EventsApi, instance);
            }
        }

        await GatewayCalls.EventuallyAsync(async () => await AnswerWithinAsync(people.Coordinator, "/api/events", TimeSpan.FromSeconds(5)) is
            { StatusCode: HttpStatusCode.OK } answer ? answer : null);
        await DetailAsync(detail => _services.All(service => Reported(detail, service) == "Healthy"));
    }

    /// <summary>The gateway's answer, or null when none came in time.</summary>
    private static async Task<HttpResponseMessage?> AnswerWithinAsync(HttpClient client, string path, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            return await client.GetAsync(path, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<People> PeopleAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await _calls.ClientAsync(new { sub = $"c-outage-{suffix}", role = "coordinator", name = "Casey Outage" });
        var organization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = $"Outage Co {suffix}" }, HttpStatusCode.Created);
        var partner = await _calls.ClientAsync(new { sub = $"p-outage-{suffix}", role = "partner", name = "Pat Outage", org = organization.GetProperty("id").GetString() });
        var student = await _calls.ClientAsync(new { sub = $"s-outage-{suffix}", role = "student", name = "Sky Outage" });
        return new People(suffix, coordinator, partner, student);
    }

    private async Task AssertGatewayReadyAsync()
    {
        using var ready = await system.Gateway.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>The gateway's <c>/health/detail</c> once it shows what is expected (the services' checks take a few seconds to notice).</summary>
    private async Task<JsonElement> DetailAsync(Func<JsonElement, bool> expected) =>
        await GatewayCalls.EventuallyAsync(async () =>
        {
            using var response = await system.Gateway.GetAsync("/health/detail");
            var detail = await response.Content.ReadFromJsonAsync<JsonElement>();
            return response.StatusCode == HttpStatusCode.OK && expected(detail) ? detail : (JsonElement?)null;
        });

    /// <summary>What the service told the gateway of itself; null while the gateway's own check of it has not answered.</summary>
    private static string? Reported(JsonElement detail, string service) =>
        detail.GetProperty("checks").GetProperty(service).TryGetProperty("data", out var data) ? data.GetProperty("reported").GetString() : null;

    private static object InstituteBody(string suffix)
    {
        var now = DateTimeOffset.UtcNow;
        return new
        {
            title = $"Outage Institute {suffix}", venue = "Hall B", timeZone = "America/Los_Angeles",
            startsAt = now.AddDays(40), endsAt = now.AddDays(41), capacity = 100,
            registrationOpensAt = now.AddMinutes(-1), earlyBirdDeadline = now.AddDays(5), registrationClosesAt = now.AddDays(30),
            fees = new[] { new { audience = "student", earlyBirdCents = 0, regularCents = 0 } },
        };
    }

    private sealed record People(string Suffix, HttpClient Coordinator, HttpClient Partner, HttpClient Student);
}
