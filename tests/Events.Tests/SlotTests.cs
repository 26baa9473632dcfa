using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.Events.Tests;

[Collection(EventsCollection.Name)]
public sealed class SlotTests(EventsFactory factory)
{
    private readonly EventsScenario _scenario = new(factory);

    [Fact]
    public async Task APartnersSlots_LieInsideTheEvent_AndNeverOverlap()
    {
        var (id, working) = await EventWithWorkingSessionAsync();

        using var tooLong = await Offer(_scenario.Partner(1), id, working, 0, 90);
        await tooLong.ValidationAsync("endsAt");
        using var beforeTheEvent = await Offer(_scenario.Partner(1), id, working, -4 * 60 - 15, 30);
        await beforeTheEvent.ValidationAsync("startsAt");
        using var first = await Offer(_scenario.Partner(1), id, working, 0, 30);
        await first.ReadAsync(HttpStatusCode.Created);
        using var overlapping = await Offer(_scenario.Partner(1), id, working, 15, 30);
        await overlapping.ProblemAsync(HttpStatusCode.Conflict, "slot_overlaps");
        using var otherPartner = await Offer(_scenario.Partner(2), id, working, 15, 30);
        await otherPartner.ReadAsync(HttpStatusCode.Created);
        using var byStudent = await Offer(_scenario.Student(), id, working, 60, 30);
        Assert.Equal(HttpStatusCode.Forbidden, byStudent.StatusCode);
    }

    [Fact]
    public async Task TenAttendeesRacingForOneSlot_OneBooksIt()
    {
        var (id, working) = await EventWithWorkingSessionAsync();
        var slot = await OfferedAsync(_scenario.Partner(1), id, working, 0, 30);
        var students = Enumerable.Range(1, 10).ToList();
        foreach (var n in students)
        {
            await _scenario.RegisterAsync(_scenario.Student(n), id);
        }

        var answers = await Task.WhenAll(students.Select(async n =>
        {
            using var response = await _scenario.Student(n).PostJsonAsync($"/api/events/{id}/slots/{slot}/book");
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a));
    }

    [Fact]
    public async Task AnAttendeesBookings_NeverOverlap_AndHoldOneSlotPerOrganization_EvenWhenRacing()
    {
        var (id, working) = await EventWithWorkingSessionAsync();
        var atTwo = await OfferedAsync(_scenario.Partner(1), id, working, 0, 30);
        var alsoAtTwo = await OfferedAsync(_scenario.Partner(2), id, working, 0, 30);
        var sameOrganization = await OfferedAsync(_scenario.Partner(3, EventsScenario.OrganizationOf(1)), id, working, 60, 30);
        await _scenario.RegisterAsync(_scenario.Student(), id);

        var answers = await Task.WhenAll(new[] { atTwo, alsoAtTwo }.Select(async slot =>
        {
            using var response = await _scenario.Student().PostJsonAsync($"/api/events/{id}/slots/{slot}/book");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Conflict && a.Body.Contains("booking_overlaps"));

        if (answers[0].StatusCode == HttpStatusCode.OK)
        {
            using var secondWithOrganization = await _scenario.Student().PostJsonAsync($"/api/events/{id}/slots/{sameOrganization}/book");
            await secondWithOrganization.ProblemAsync(HttpStatusCode.Conflict, "organization_already_booked");
        }
    }

    [Fact]
    public async Task OnlyConfirmedStudentsAndFacultyBook_AndCancellingTheRegistrationReleasesTheBooking()
    {
        var (id, working) = await EventWithWorkingSessionAsync(capacity: 1);
        var slot = await OfferedAsync(_scenario.Partner(1), id, working, 0, 30);
        var confirmed = (await _scenario.RegisterAsync(_scenario.Student(1), id)).GetProperty("id").GetGuid();
        await _scenario.RegisterAsync(_scenario.Student(2), id);

        using var waitlisted = await _scenario.Student(2).PostJsonAsync($"/api/events/{id}/slots/{slot}/book");
        await waitlisted.ProblemAsync(HttpStatusCode.Forbidden, "not_confirmed_registrant");
        using var partner = await _scenario.Partner(2).PostJsonAsync($"/api/events/{id}/slots/{slot}/book");
        await partner.ProblemAsync(HttpStatusCode.Forbidden, "not_confirmed_registrant");

        using var booked = await _scenario.Student(1).PostJsonAsync($"/api/events/{id}/slots/{slot}/book");
        Assert.Equal(_scenario.StudentId(1), (await booked.ReadAsync(HttpStatusCode.OK)).GetProperty("bookedBy").GetString());
        var seenByOthers = (await SlotsAsync(_scenario.Student(2), id)).Single(s => s.GetProperty("id").GetGuid() == slot);
        Assert.True(seenByOthers.GetProperty("booked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seenByOthers.GetProperty("bookedBy").ValueKind);
        using var deleteBooked = await _scenario.Partner(1).DeleteAsync($"/api/events/{id}/slots/{slot}");
        await deleteBooked.ProblemAsync(HttpStatusCode.Conflict, "slot_booked");

        using var cancel = await _scenario.Student(1).PostJsonAsync($"/api/events/{id}/registrations/{confirmed}/cancel");
        await cancel.ReadAsync(HttpStatusCode.OK);
        Assert.Contains(await SlotsAsync(_scenario.Student(2), id, available: true), s => s.GetProperty("id").GetGuid() == slot);
        using var deleteFree = await _scenario.Partner(1).DeleteAsync($"/api/events/{id}/slots/{slot}");
        Assert.Equal(HttpStatusCode.NoContent, deleteFree.StatusCode);
    }

    [Fact]
    public async Task TheBookerOrThePartnerCancelsABooking_NobodyElse()
    {
        var (id, working) = await EventWithWorkingSessionAsync();
        var slot = await OfferedAsync(_scenario.Partner(1), id, working, 0, 30);
        await _scenario.RegisterAsync(_scenario.Faculty(1), id);
        using (var booked = await _scenario.Faculty(1).PostJsonAsync($"/api/events/{id}/slots/{slot}/book"))
        {
            await booked.ReadAsync(HttpStatusCode.OK);
        }

        using var stranger = await _scenario.Student(9).PostJsonAsync($"/api/events/{id}/slots/{slot}/cancel-booking");
        await stranger.ProblemAsync(HttpStatusCode.Forbidden, "not_slot_party");
        using var coordinator = await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/slots/{slot}/cancel-booking");
        await coordinator.ProblemAsync(HttpStatusCode.Forbidden, "not_slot_party");
        using var unknownEvent = await _scenario.Student(9).GetAsync($"/api/events/{Guid.NewGuid()}/slots");
        await unknownEvent.ProblemAsync(HttpStatusCode.NotFound, "event_not_found");
        using var byPartner = await _scenario.Partner(1).PostJsonAsync($"/api/events/{id}/slots/{slot}/cancel-booking");
        Assert.False((await byPartner.ReadAsync(HttpStatusCode.OK)).GetProperty("booked").GetBoolean());
        using var again = await _scenario.Partner(1).PostJsonAsync($"/api/events/{id}/slots/{slot}/cancel-booking");
        await again.ProblemAsync(HttpStatusCode.Conflict, "slot_not_booked");
        using var strangerOnAFreeSlot = await _scenario.Student(9).PostJsonAsync($"/api/events/{id}/slots/{slot}/cancel-booking");
        await strangerOnAFreeSlot.ProblemAsync(HttpStatusCode.Forbidden, "not_slot_party");
    }

    /// <summary>The contract asks only that a slot lie inside the event: an event with no sessions yet offers slots too.</summary>
    [Fact]
    public async Task AnEventWithoutSessions_OffersSlots_AndItsTimesCannotShrinkPastThem()
    {
        var body = EventsScenario.EventBody();
        var created = await _scenario.CreateEventAsync(body);
        var id = created.GetProperty("id").GetGuid();
        var endsAt = created.GetProperty("endsAt").GetDateTimeOffset();

        using var lastHalfHour = await Offer(_scenario.Partner(1), id, endsAt, -30, 30);
        await lastHalfHour.ReadAsync(HttpStatusCode.Created);
        using var pastTheEnd = await Offer(_scenario.Partner(1), id, endsAt, -15, 30);
        await pastTheEnd.ValidationAsync("startsAt");

        body["endsAt"] = endsAt.AddHours(-1);
        using var shrunk = await _scenario.Coordinator.PutIfMatchAsync($"/api/events/{id}", body, "*");
        await shrunk.ValidationAsync("startsAt");
        using var unchanged = await _scenario.Coordinator.GetAsync($"/api/events/{id}");
        Assert.Equal(endsAt, (await unchanged.ReadAsync(HttpStatusCode.OK)).GetProperty("endsAt").GetDateTimeOffset());
    }

    private async Task<(Guid EventId, DateTimeOffset WorkingStartsAt)> EventWithWorkingSessionAsync(int capacity = 50)
    {
        var created = await _scenario.CreateEventAsync(EventsScenario.EventBody(capacity: capacity));
        var id = created.GetProperty("id").GetGuid();
        var working = created.GetProperty("startsAt").GetDateTimeOffset().AddHours(4);
        await _scenario.AddSessionAsync(id, "working_session", working, TimeSpan.FromHours(3));
        return (id, working);
    }

    private static Task<HttpResponseMessage> Offer(HttpClient client, Guid eventId, DateTimeOffset session, int fromMinute, int minutes) =>
        client.PostJsonAsync($"/api/events/{eventId}/slots",
            new { startsAt = session.AddMinutes(fromMinute), endsAt = session.AddMinutes(fromMinute + minutes) });

    private static async Task<Guid> OfferedAsync(HttpClient client, Guid eventId, DateTimeOffset session, int fromMinute, int minutes)
    {
        using var response = await Offer(client, eventId, session, fromMinute, minutes);
        return (await response.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> SlotsAsync(HttpClient client, Guid eventId, bool available = false) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/slots{(available ? "?available=true" : "")}")).GetProperty("items").EnumerateArray().ToList();
}
