using System.Net;

namespace MicroInternships.Events.Tests;

/// <summary>Two coordinators editing one event: the one who read an older version is refused, not silently overwritten.</summary>
[Collection(EventsCollection.Name)]
public sealed class EventVersionTests(EventsFactory factory)
{
    private readonly EventsScenario _scenario = new(factory);

    [Fact]
    public async Task AnEditOfAnOlderVersion_Is412_AndChangesNothing()
    {
        var id = (await _scenario.CreateEventAsync(EventsScenario.EventBody(capacity: 10))).GetProperty("id").GetGuid();
        string read;
        using (var get = await _scenario.Coordinator.GetAsync($"/api/events/{id}"))
        {
            await get.ReadAsync(HttpStatusCode.OK);
            read = get.Headers.ETag!.Tag;
        }

        using (var first = await _scenario.Coordinator.PutIfMatchAsync($"/api/events/{id}", EventsScenario.EventBody(capacity: 12), read))
        {
            Assert.Equal(2, (await first.ReadAsync(HttpStatusCode.OK)).GetProperty("version").GetInt64());
            Assert.StartsWith("\"2.", first.Headers.ETag!.Tag);
        }

        using var stale = await _scenario.Coordinator.PutIfMatchAsync($"/api/events/{id}", EventsScenario.EventBody(capacity: 8), read);
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed, "version_mismatch");
        using var after = await _scenario.Coordinator.GetAsync($"/api/events/{id}");
        var current = await after.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(12, current.GetProperty("capacity").GetInt32());
        Assert.Equal(2, current.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task IfMatch_OfTheCurrentVersionOrAny_IsApplied_AndAMalformedOneIsNamed()
    {
        var id = (await _scenario.CreateEventAsync(EventsScenario.EventBody(capacity: 10))).GetProperty("id").GetGuid();

        using var current = await _scenario.Coordinator.PutIfMatchAsync($"/api/events/{id}", EventsScenario.EventBody(capacity: 11), "\"1\"");
        using var any = await _scenario.Coordinator.PutIfMatchAsync($"/api/events/{id}", EventsScenario.EventBody(capacity: 12), "*");
        using var malformed = await _scenario.Coordinator.PutIfMatchAsync($"/api/events/{id}", EventsScenario.EventBody(capacity: 13), "version 3");

        Assert.Equal(11, (await current.ReadAsync(HttpStatusCode.OK)).GetProperty("capacity").GetInt32());
        Assert.Equal(12, (await any.ReadAsync(HttpStatusCode.OK)).GetProperty("capacity").GetInt32());
        await malformed.ValidationAsync("If-Match");
    }
}
