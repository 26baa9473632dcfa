using System.Net;
using System.Text.Json;

namespace MicroInternships.Events.Tests;

[Collection(EventsCollection.Name)]
public sealed class PublicEventTests(EventsFactory factory)
{
    private static readonly string[] _publicFields =
    [
        "id", "title", "venue", "timeZone", "startsAt", "endsAt", "registrationOpensAt", "earlyBirdDeadline", "registrationClosesAt", "fees", "sessions",
    ];

    private readonly EventsScenario _scenario = new(factory);

    [Fact]
    public async Task Visitors_ReadTheAgendaDatesDeadlinesAndFees_WithNoRegistrantData()
    {
        var id = (await _scenario.CreateEventAsync()).GetProperty("id").GetGuid();
        var starts = (await GetAsync(_scenario.Coordinator, $"/api/events/{id}")).GetProperty("startsAt").GetDateTimeOffset();
        await _scenario.AddSessionAsync(id, "presentation", starts.AddHours(1), TimeSpan.FromHours(1));
        await _scenario.RegisterAsync(_scenario.Student(), id);

        var shown = await GetAsync(_scenario.Anonymous, $"/api/public/events/{id}");

        Assert.Equal(_publicFields.Order(), shown.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("A presentation session", Assert.Single(shown.GetProperty("sessions").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(3, shown.GetProperty("fees").GetArrayLength());
        Assert.DoesNotContain(_scenario.StudentId(1), shown.ToString());
    }

    [Fact]
    public async Task Upcoming_ListsEventsNotYetOver_SoonestFirst()
    {
        // Other tests' events start in 30 days; these start within hours, so they lead the (capped) list.
        var later = (await _scenario.CreateEventAsync(EventsScenario.EventBody(now: DateTimeOffset.UtcNow.AddDays(-29.8)))).GetProperty("id").GetGuid();
        var sooner = (await _scenario.CreateEventAsync(EventsScenario.EventBody(now: DateTimeOffset.UtcNow.AddDays(-29.9)))).GetProperty("id").GetGuid();
        var over = (await _scenario.CreateEventAsync(EventsScenario.EventBody(now: DateTimeOffset.UtcNow.AddDays(-60)))).GetProperty("id").GetGuid();

        var upcoming = (await GetAsync(_scenario.Anonymous, "/api/public/events")).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

        Assert.DoesNotContain(over, upcoming);
        Assert.True(upcoming.IndexOf(sooner) is >= 0 and var at && at < upcoming.IndexOf(later), string.Join(", ", upcoming));
    }

    [Fact]
    public async Task AnUnknownEvent_Is404()
    {
        using var response = await _scenario.Anonymous.GetAsync($"/api/public/events/{Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound, "event_not_found");
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.ReadAsync(HttpStatusCode.OK);
    }
}
