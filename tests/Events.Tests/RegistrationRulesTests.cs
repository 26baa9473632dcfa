using System.Net;
using MicroInternships.Contracts.Events;

namespace MicroInternships.Events.Tests;

[Collection(EventsCollection.Name)]
public sealed class RegistrationRulesTests(EventsFactory factory)
{
    private readonly EventsScenario _scenario = new(factory);

    [Fact]
    public async Task ARegistrationRetriedWithItsKey_RegistersOnce_AndReplaysTheFirstAnswer()
    {
        var id = (await _scenario.CreateEventAsync()).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();
        var student = _scenario.Student(7);

        using var first = await RegisterWithKeyAsync(student, id, key);
        using var retry = await RegisterWithKeyAsync(student, id, key);

        var registered = await first.ReadAsync(HttpStatusCode.Created);
        Assert.Equal(registered.GetProperty("id").GetGuid(), (await retry.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        Assert.True(retry.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(1L, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM registrations WHERE event_id = '{id}'"));
    }

    private static Task<HttpResponseMessage> RegisterWithKeyAsync(HttpClient client, Guid eventId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{eventId}/registrations") { Content = System.Net.Http.Json.JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task TheWindowAndTheTier_HoldAtTheExactBoundaryInstants()
    {
        var now = DateTimeOffset.UtcNow;
        var body = EventsScenario.EventBody(now: now);
        var created = await _scenario.CreateEventAsync(body);
        var id = created.GetProperty("id").GetGuid();
        var opens = created.GetProperty("registrationOpensAt").GetDateTimeOffset();
        var earlyBird = created.GetProperty("earlyBirdDeadline").GetDateTimeOffset();
        var closes = created.GetProperty("registrationClosesAt").GetDateTimeOffset();
        var tick = TimeSpan.FromTicks(10); // one microsecond: what PostgreSQL keeps

        _scenario.Clock.PinAt(opens - tick);
        await Problem(await Register(_scenario.Faculty(1), id), HttpStatusCode.Conflict, "registration_not_open");

        _scenario.Clock.PinAt(opens);
        var first = await _scenario.RegisterAsync(_scenario.Faculty(2), id);
        Assert.Equal("early_bird", first.GetProperty("tier").GetString());
        Assert.Equal(7_500, first.GetProperty("feeCents").GetInt64());

        _scenario.Clock.PinAt(earlyBird);
        Assert.Equal("early_bird", (await _scenario.RegisterAsync(_scenario.Faculty(3), id)).GetProperty("tier").GetString());
        _scenario.Clock.PinAt(earlyBird + tick);
        var regular = await _scenario.RegisterAsync(_scenario.Faculty(4), id);
        Assert.Equal("regular", regular.GetProperty("tier").GetString());
        Assert.Equal(9_500, regular.GetProperty("feeCents").GetInt64());

        _scenario.Clock.PinAt(closes);
        await _scenario.RegisterAsync(_scenario.Faculty(5), id);
        _scenario.Clock.PinAt(closes + tick);
        await Problem(await Register(_scenario.Faculty(6), id), HttpStatusCode.Conflict, "registration_closed");
    }

    [Fact]
    public async Task TheAudienceComesFromTheRole_AndAnAudienceWithoutAFee_IsRefusedUnlessStaff()
    {
        var id = (await _scenario.CreateEventAsync(EventsScenario.EventBody(fees: [new { audience = "student", earlyBirdCents = 0, regularCents = 0 }])))
            .GetProperty("id").GetGuid();

        using var lying = await _scenario.Student().PostJsonAsync($"/api/events/{id}/registrations", new { audience = "faculty" });
        await lying.ValidationAsync("audience");
        await Problem(await Register(_scenario.Partner(), id), HttpStatusCode.Conflict, "no_fee_for_audience");
        var staff = await _scenario.RegisterAsync(_scenario.Coordinator, id);
        Assert.Equal("staff", staff.GetProperty("audience").GetString());
        Assert.Equal(0, staff.GetProperty("feeCents").GetInt64());
        Assert.Equal("student", (await _scenario.RegisterAsync(_scenario.Student(), id)).GetProperty("audience").GetString());

        // Staff register free, so a sign-in whose role the program does not know must not pass for staff.
        await Problem(await Register(factory.CreateClientAs("x-1", "alumnus"), id), HttpStatusCode.Forbidden, "role_cannot_register");
    }

    [Fact]
    public async Task OneActiveRegistrationPerPerson_AgainAfterCancelling()
    {
        var id = (await _scenario.CreateEventAsync()).GetProperty("id").GetGuid();
        var first = (await _scenario.RegisterAsync(_scenario.Student(), id)).GetProperty("id").GetGuid();

        await Problem(await Register(_scenario.Student(), id), HttpStatusCode.Conflict, "registration_exists");
        using var someoneElse = await _scenario.Student(2).PostJsonAsync($"/api/events/{id}/registrations/{first}/cancel");
        await someoneElse.ProblemAsync(HttpStatusCode.NotFound, "registration_not_found");
        using var cancel = await _scenario.Student().PostJsonAsync($"/api/events/{id}/registrations/{first}/cancel");
        Assert.Equal("cancelled", (await cancel.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        using var twice = await _scenario.Student().PostJsonAsync($"/api/events/{id}/registrations/{first}/cancel");
        await twice.ProblemAsync(HttpStatusCode.Conflict, "registration_wrong_state");

        var again = await _scenario.RegisterAsync(_scenario.Student(), id);
        using var mine = await _scenario.Student().GetAsync($"/api/events/{id}/registrations/me");
        Assert.Equal(again.GetProperty("id").GetGuid(), (await mine.ReadAsync(HttpStatusCode.OK)).GetProperty("id").GetGuid());
        Assert.Equal(1, await _scenario.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(RegistrationCancelled).FullName},%' AND payload->'registration'->>'registrationId' = '{first}'"));
    }

    [Fact]
    public async Task CheckIn_OnlyForConfirmed_AndACheckedInRegistrationCannotBeCancelled()
    {
        var id = (await _scenario.CreateEventAsync(EventsScenario.EventBody(capacity: 1))).GetProperty("id").GetGuid();
        var confirmed = (await _scenario.RegisterAsync(_scenario.Student(1), id)).GetProperty("id").GetGuid();
        var waitlisted = (await _scenario.RegisterAsync(_scenario.Student(2), id)).GetProperty("id").GetGuid();

        using var checkWaitlisted = await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/registrations/{waitlisted}/check-in");
        await checkWaitlisted.ProblemAsync(HttpStatusCode.Conflict, "registration_wrong_state");
        using var byStudent = await _scenario.Student(1).PostJsonAsync($"/api/events/{id}/registrations/{confirmed}/check-in");
        Assert.Equal(HttpStatusCode.Forbidden, byStudent.StatusCode);
        using var checkIn = await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/registrations/{confirmed}/check-in");
        Assert.Equal("checked_in", (await checkIn.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        using var cancel = await _scenario.Student(1).PostJsonAsync($"/api/events/{id}/registrations/{confirmed}/cancel");
        await cancel.ProblemAsync(HttpStatusCode.Conflict, "registration_checked_in");
    }

    [Fact]
    public async Task EventsAreValidated_FieldByField_AndOnlyCoordinatorsCreateThem()
    {
        var body = EventsScenario.EventBody();
        body["timeZone"] = "Pacific Standard Time";
        body["earlyBirdDeadline"] = ((DateTimeOffset)body["registrationOpensAt"]!).AddHours(-1);
        body["endsAt"] = body["startsAt"];
        body["capacity"] = 0;
        using var broken = await _scenario.Coordinator.PostJsonAsync("/api/events", body);
        await broken.ValidationAsync("timeZone", "earlyBirdDeadline", "endsAt", "capacity");

        using var byStudent = await _scenario.Student().PostJsonAsync("/api/events", EventsScenario.EventBody());
        Assert.Equal(HttpStatusCode.Forbidden, byStudent.StatusCode);

        // Seven fractional digits that PostgreSQL's microseconds would make equal: named, not a 500.
        var tooFine = EventsScenario.EventBody();
        var instant = (DateTimeOffset)tooFine["startsAt"]!;
        tooFine["startsAt"] = instant.AddTicks(1);
        tooFine["endsAt"] = instant.AddTicks(5);
        tooFine["title"] = "Nul\u0000led";
        using var sameMicrosecond = await _scenario.Coordinator.PostJsonAsync("/api/events", tooFine);
        await sameMicrosecond.ValidationAsync("endsAt", "title");

        var created = await _scenario.CreateEventAsync();
        var id = created.GetProperty("id").GetGuid();
        var starts = created.GetProperty("startsAt").GetDateTimeOffset();
        using var outside = await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/sessions",
            new { title = "Too early", kind = "presentation", startsAt = starts.AddHours(-1), endsAt = starts.AddHours(1) });
        await outside.ValidationAsync("startsAt");
        using var anonymous = await _scenario.Anonymous.GetAsync($"/api/events/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var unknown = await _scenario.Student().GetAsync($"/api/events/{Guid.NewGuid()}");
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "event_not_found");
    }

    private Task<HttpResponseMessage> Register(HttpClient client, Guid eventId) =>
        client.PostJsonAsync($"/api/events/{eventId}/registrations", new { });

    private static async Task Problem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            await response.ProblemAsync(status, code);
        }
    }
}
