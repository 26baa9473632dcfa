using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Hosting;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Notifications' database lost whole: started again on an empty one, it learns the history by replay, so the
/// reminders still ahead are planned again, and it tells nobody of anything in that history a second time.
/// </summary>
[Collection(BreakableSystemCollection.Name)]
public sealed class NotificationsRebuildTests(SystemFixture system)
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task Notifications_StartedOnAnEmptyDatabase_KeepsThePendingRemindersAndNotifiesNobodyOfThePast()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var coordinator = await _calls.ClientAsync(new { sub = $"c-nrebuild-{suffix}", role = "coordinator", name = "Casey" });
        var organization = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations",
            new { name = $"Reminded Co {suffix}", website = "https://reminded.example" }, HttpStatusCode.Created)).GetProperty("id").GetString();
        var partner = await _calls.ClientAsync(new { sub = $"p-nrebuild-{suffix}", role = "partner", name = "Pat", org = organization });
        var student = await _calls.ClientAsync(new { sub = $"s-nrebuild-{suffix}", role = "student", name = "Robin" });
        var listingId = await GatewayCalls.PublishedListingAsync(partner, $"Reminded listing {suffix}", "testing");
        var application = await GatewayCalls.EventuallyAsync(async () =>
        {
            using var response = await student.PostAsJsonAsync("/api/applications", new { listingId, pitch = "Offer me, then forget me not." });
            return response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        });
        var applicationId = application.GetProperty("id").GetString();
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/applications/{applicationId}/offer");
        var reminder = $"SELECT coalesce((SELECT status || '@' || due_at::text FROM reminders WHERE key = 'offer_expiring:{applicationId}'), '')";
        await Eventually.HoldsAsync(async () => (await system.App.ScalarAsync<string>(ResourceNames.NotificationsDb, reminder)).StartsWith("pending@", StringComparison.Ordinal),
            "the offer's reminder is planned");
        var planned = await system.App.ScalarAsync<string>(ResourceNames.NotificationsDb, reminder);
        // Both told before the loss, so nothing of this test is still on its way (retried, or waiting in _error) to be told
        // live after the restart.
        Assert.Equal("offer_received", Assert.Single(await EventuallyToldAsync(student, 1)).GetProperty("category").GetString());
        Assert.Equal("application_received", Assert.Single(await EventuallyToldAsync(partner, 1)).GetProperty("category").GetString());

        var faults = new SystemFaults(system.App);
        var instances = await faults.KillAllAsync(ResourceNames.NotificationsApi);
        await system.App.DropDatabaseAsync(ResourceNames.NotificationsDb);
        foreach (var instance in instances)
        {
            await faults.RestartAsync(ResourceNames.NotificationsApi, instance);
        }

        await Eventually.HoldsAsync(async () => await system.App.ScalarAsync<string>(ResourceNames.NotificationsDb, reminder) == planned,
            $"the offer's reminder is planned again as it was ({planned})", timeout: TimeSpan.FromMinutes(2),
            state: async () => await system.App.ScalarAsync<string>(ResourceNames.NotificationsDb, reminder));
        Assert.Empty(await GatewayCalls.AllPagesAsync(student, "/api/notifications"));
        Assert.Empty(await GatewayCalls.AllPagesAsync(partner, "/api/notifications"));

        // Live again: the answer is told, and it cancels the reminder.
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/applications/{applicationId}/accept", expected: HttpStatusCode.Created);
        var told = Assert.Single(await EventuallyToldAsync(partner, 1));
        Assert.Equal("offer_accepted", told.GetProperty("category").GetString());
        await Eventually.HoldsAsync(async () => (await system.App.ScalarAsync<string>(ResourceNames.NotificationsDb, reminder)).StartsWith("cancelled@", StringComparison.Ordinal),
            "the accepted offer's reminder is cancelled");
        Assert.Empty(await GatewayCalls.AllPagesAsync(student, "/api/notifications"));
    }

    private static Task<IReadOnlyList<JsonElement>> EventuallyToldAsync(HttpClient client, int count) =>
        GatewayCalls.EventuallyAsync(async () =>
        {
            var items = await GatewayCalls.AllPagesAsync(client, "/api/notifications");
            return items.Count >= count ? items : null;
        });
}
