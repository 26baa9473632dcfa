using System.Net;
using System.Net.Http.Json;
using MicroInternships.Contracts.Events;
using MicroInternships.Testing;

namespace MicroInternships.Events.Tests;

/// <summary>Every change of an event, a registration's check-in and every change of a slot is one event with the aggregate's next version.</summary>
[Collection(EventsCollection.Name)]
public sealed class EventsCatalogEventsTests(EventsFactory factory)
{
    private readonly EventsScenario _scenario = new(factory);

    [Fact]
    public async Task AnEventsCreationEditsAndSessions_EachPublishItsSnapshot_WithTheNextVersion()
    {
        var body = EventsScenario.EventBody();
        var id = (await _scenario.CreateEventAsync(body)).GetProperty("id").GetGuid();
        body["capacity"] = 80;
        await _scenario.Coordinator.PutAsJsonAsync($"/api/events/{id}", body).ReadAsync(HttpStatusCode.OK);

        await _scenario.AddSessionAsync(id, "presentation", ((DateTimeOffset)body["startsAt"]!).AddHours(1), TimeSpan.FromHours(1));

        Assert.Equal(["1"], await VersionsAsync<EventCreated>("event", "eventId", id));
        Assert.Equal(["2", "3"], await VersionsAsync<EventUpdated>("event", "eventId", id));
        Assert.Equal("A presentation session", await _scenario.ScalarAsync<string>(
            $"SELECT payload->'event'->'sessions'->0->>'title' FROM outbox_messages WHERE message_type LIKE '{typeof(EventUpdated).FullName},%' " +
            $"AND payload->'event'->>'version' = '3' AND payload->'event'->>'eventId' = '{id}'"));
    }

    [Fact]
    public async Task ASlotsOfferBookingsReleasesAndWithdrawal_EachPublishTheNextVersion_AndACheckInIsAnnounced()
    {
        var created = await _scenario.CreateEventAsync();
        var id = created.GetProperty("id").GetGuid();
        var working = created.GetProperty("startsAt").GetDateTimeOffset().AddHours(4);
        await _scenario.AddSessionAsync(id, "working_session", working, TimeSpan.FromHours(3));
        var registration = (await _scenario.RegisterAsync(_scenario.Student(), id)).GetProperty("id").GetGuid();
        var attending = (await _scenario.RegisterAsync(_scenario.Student(2), id)).GetProperty("id").GetGuid();
        var slot = await OfferAsync(id, working);
        var other = await OfferAsync(id, working.AddHours(1));

        await _scenario.Student().PostJsonAsync($"/api/events/{id}/slots/{slot}/book").ReadAsync(HttpStatusCode.OK);
        await _scenario.Partner().PostJsonAsync($"/api/events/{id}/slots/{slot}/cancel-booking").ReadAsync(HttpStatusCode.OK);
        await _scenario.Student().PostJsonAsync($"/api/events/{id}/slots/{slot}/book").ReadAsync(HttpStatusCode.OK);
        await _scenario.Student().PostJsonAsync($"/api/events/{id}/registrations/{registration}/cancel").ReadAsync(HttpStatusCode.OK);
        await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/registrations/{attending}/check-in").ReadAsync(HttpStatusCode.OK);
        await _scenario.Partner().DeleteAsync($"/api/events/{id}/slots/{other}").ReadAsync(HttpStatusCode.NoContent);

        Assert.Equal(["1"], await VersionsAsync<SlotOffered>("slot", "slotId", slot));
        Assert.Equal(["2", "4"], await VersionsAsync<SlotBooked>("slot", "slotId", slot));
        Assert.Equal(["3", "5"], await VersionsAsync<SlotReleased>("slot", "slotId", slot));
        Assert.Equal(["1"], await VersionsAsync<SlotOffered>("slot", "slotId", other));
        Assert.Equal(["2"], await VersionsAsync<SlotWithdrawn>("slot", "slotId", other));
        Assert.Equal(["2"], await VersionsAsync<RegistrationCheckedIn>("registration", "registrationId", attending));
    }

    private async Task<Guid> OfferAsync(Guid eventId, DateTimeOffset startsAt)
    {
        using var response = await _scenario.Partner().PostJsonAsync($"/api/events/{eventId}/slots", new { startsAt, endsAt = startsAt.AddMinutes(30) });
        return (await response.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private Task<string[]> VersionsAsync<TEvent>(string snapshot, string idField, Guid id) =>
        factory.Database.OutboxVersionsAsync<TEvent>(snapshot, idField, id);
}
