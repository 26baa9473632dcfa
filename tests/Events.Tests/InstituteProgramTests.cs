using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Events;
using MicroInternships.Testing;

namespace MicroInternships.Events.Tests;

/// <summary>
/// The Institute's program, built by its people: sessions with presenters and places, registrants proposing reflection
/// talks until the call closes, coordinators putting them on the agenda, and places never one more than a session has.
/// </summary>
[Collection(EventsCollection.Name)]
public sealed class InstituteProgramTests(EventsFactory factory)
{
    private readonly EventsScenario _scenario = new(factory);

    [Fact]
    public async Task AProposal_Accepted_IsOnTheAgendaAndInTheCalendar_WithItsPresenter_AndTheProposerSeesTheOutcome()
    {
        var (id, starts) = await EventWithCallAsync();
        var faculty = _scenario.Faculty();
        await _scenario.RegisterAsync(faculty, id);

        var proposed = await faculty.PostJsonAsync($"/api/events/{id}/proposals", Proposal("faculty_implementation")).ReadAsync(HttpStatusCode.Created);
        var proposal = proposed.GetProperty("id").GetGuid();
        Assert.Equal("submitted", proposed.GetProperty("status").GetString());

        var accepted = await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/proposals/{proposal}/accept",
            new { startsAt = starts.AddHours(2), endsAt = starts.AddHours(3), room = "Room 204", capacity = 30 }).ReadAsync(HttpStatusCode.OK);

        var session = accepted.GetProperty("sessionId").GetGuid();
        var agenda = await _scenario.Coordinator.GetAsync($"/api/events/{id}").ReadAsync(HttpStatusCode.OK);
        var talk = agenda.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == session);
        Assert.Equal(("Teaching with micro-internships: a term in review", "reflection_talk", 30, 30),
            (talk.GetProperty("title").GetString(), talk.GetProperty("kind").GetString(), talk.GetProperty("capacity").GetInt32(), talk.GetProperty("placesLeft").GetInt32()));
        var presenter = Assert.Single(talk.GetProperty("presenters").EnumerateArray());
        Assert.Equal("faculty", presenter.GetProperty("role").GetString());
        var calendar = await (await _scenario.Anonymous.GetAsync($"/api/events/{id}/calendar.ics")).Content.ReadAsStringAsync();
        Assert.Contains("Teaching with micro-internships: a term in review", calendar);
        Assert.Contains("presented by", calendar);
        var mine = await faculty.GetAsync($"/api/events/{id}/proposals").ReadAsync(HttpStatusCode.OK);
        Assert.Equal("accepted", Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(["1", "2"], await VersionsAsync("proposal", "proposalId", proposal));
        await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/proposals/{proposal}/decline", new { note = "Too late" })
            .ProblemAsync(HttpStatusCode.Conflict, "proposal_decided");
    }

    [Fact]
    public async Task AProposalAfterTheDeadline_Is409_ANonRegistrant403_AndTheTypeFollowsTheRole()
    {
        var (id, _) = await EventWithCallAsync();
        var student = _scenario.Student(1);
        await _scenario.RegisterAsync(student, id);

        await _scenario.Student(2).PostJsonAsync($"/api/events/{id}/proposals", Proposal("student_reflection")).ProblemAsync(HttpStatusCode.Forbidden, "not_registrant");
        await student.PostJsonAsync($"/api/events/{id}/proposals", Proposal("partner_assessment")).ValidationAsync("type");
        await student.PostJsonAsync($"/api/events/{id}/proposals", new { title = "x", type = "student_reflection" }).ValidationAsync("title", "abstract");
        await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/proposals", Proposal("student_reflection")).ProblemAsync(HttpStatusCode.Forbidden, "role_cannot_propose");
        _scenario.Clock.PinAt(DateTimeOffset.UtcNow.AddDays(11));
        try
        {
            await student.PostJsonAsync($"/api/events/{id}/proposals", Proposal("student_reflection")).ProblemAsync(HttpStatusCode.Conflict, "proposals_closed");
        }
        finally
        {
            _scenario.Clock.Release();
        }

        Assert.Equal(0, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM talk_proposals WHERE event_id = '{id}'"));
    }

    [Fact]
    public async Task ADeclinedProposal_CarriesTheNoteToItsProposerOnly_AndOthersSeeOnlyTheirOwn()
    {
        var (id, _) = await EventWithCallAsync();
        var (first, second) = (_scenario.Student(1), _scenario.Student(2));
        await _scenario.RegisterAsync(first, id);
        await _scenario.RegisterAsync(second, id);
        var proposal = (await first.PostJsonAsync($"/api/events/{id}/proposals", Proposal("student_reflection")).ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await second.PostJsonAsync($"/api/events/{id}/proposals", Proposal("student_reflection")).ReadAsync(HttpStatusCode.Created);

        await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/proposals/{proposal}/decline", new { note = "Please join the student panel instead." })
            .ReadAsync(HttpStatusCode.OK);

        var firstSees = Assert.Single((await first.GetAsync($"/api/events/{id}/proposals").ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal(("declined", "Please join the student panel instead."), (firstSees.GetProperty("status").GetString(), firstSees.GetProperty("decisionNote").GetString()));
        Assert.Equal(2, (await _scenario.Coordinator.GetAsync($"/api/events/{id}/proposals").ReadAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await _scenario.Coordinator.GetAsync($"/api/events/{id}/proposals?status=submitted").ReadAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        await _scenario.Coordinator.GetAsync($"/api/events/{id}/proposals?status=Submitted1").ValidationAsync("status");
        Assert.Equal(0, await _scenario.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE payload::text LIKE '%student panel%' OR payload::text LIKE '%abstract%'"));
    }

    [Fact]
    public async Task AHundredConcurrentSignUps_ForTwentyPlaces_GiveExactlyTwenty_TheRest409SessionFull()
    {
        var (id, starts) = await EventWithCallAsync(capacity: 200);
        var session = await SessionWithPlacesAsync(id, starts, places: 20);
        var students = Enumerable.Range(1, 100).Select(n => _scenario.Student(n)).ToList();
        foreach (var student in students)
        {
            await _scenario.RegisterAsync(student, id);
        }

        var answers = await Task.WhenAll(students.Select(async student =>
        {
            using var response = await student.PostAsync($"/api/events/{id}/sessions/{session}/signups", null);
            return (response.StatusCode, Code: await CodeOfAsync(response));
        }));

        Assert.Equal(20, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(80, answers.Count(a => a is { StatusCode: HttpStatusCode.Conflict, Code: "session_full" }));
        Assert.Equal(20, await _scenario.ScalarAsync<int>($"SELECT signed_up_count FROM sessions WHERE id = '{session}'"));
        Assert.Equal(20, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM session_signups WHERE session_id = '{session}' AND status = 'signed_up'"));
    }

    [Fact]
    public async Task OnlyConfirmedRegistrantsSignUp_OncePerSession_AndACancelledRegistrationReleasesItsPlaces()
    {
        var (id, starts) = await EventWithCallAsync(capacity: 1);
        var session = await SessionWithPlacesAsync(id, starts, places: 5);
        var (confirmed, waitlisted) = (_scenario.Student(1), _scenario.Student(2));
        var registration = (await _scenario.RegisterAsync(confirmed, id)).GetProperty("id").GetGuid();
        await _scenario.RegisterAsync(waitlisted, id);

        await waitlisted.PostAsync($"/api/events/{id}/sessions/{session}/signups", null).ProblemAsync(HttpStatusCode.Forbidden, "not_confirmed_registrant");
        await confirmed.PostAsync($"/api/events/{id}/sessions/{session}/signups", null).ReadAsync(HttpStatusCode.Created);
        await confirmed.PostAsync($"/api/events/{id}/sessions/{session}/signups", null).ProblemAsync(HttpStatusCode.Conflict, "already_signed_up");
        Assert.Single((await confirmed.GetAsync($"/api/events/{id}/signups/me").ReadAsync(HttpStatusCode.OK)).EnumerateArray());

        await confirmed.PostAsync($"/api/events/{id}/registrations/{registration}/cancel", null).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(0, await _scenario.ScalarAsync<int>($"SELECT signed_up_count FROM sessions WHERE id = '{session}'"));
        Assert.Empty((await confirmed.GetAsync($"/api/events/{id}/signups/me").ReadAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(1, await _scenario.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(SessionSignupWithdrawn).FullName},%' AND payload->'signup'->>'sessionId' = '{session}'"));
        // The waitlisted student was promoted into the freed seat, and may now take a place.
        await waitlisted.PostAsync($"/api/events/{id}/sessions/{session}/signups", null).ReadAsync(HttpStatusCode.Created);
        await waitlisted.DeleteAsync($"/api/events/{id}/sessions/{session}/signups").ReadAsync(HttpStatusCode.NoContent);
        await waitlisted.DeleteAsync($"/api/events/{id}/sessions/{session}/signups").ProblemAsync(HttpStatusCode.NotFound, "signup_not_found");
    }

    [Fact]
    public async Task ASessionWithoutPlaces_IsOpenToAll_AndBadPresentersOrCapacityAreNamed()
    {
        var (id, starts) = await EventWithCallAsync();
        var open = (await _scenario.AddSessionAsync(id, "presentation", starts, TimeSpan.FromHours(1))).GetProperty("id").GetGuid();
        var student = _scenario.Student();
        await _scenario.RegisterAsync(student, id);

        await student.PostAsync($"/api/events/{id}/sessions/{open}/signups", null).ProblemAsync(HttpStatusCode.Conflict, "session_open_to_all");
        await _scenario.Coordinator.PostJsonAsync($"/api/events/{id}/sessions", new
        {
            title = "Panel", kind = "reflection_talk", startsAt = starts, endsAt = starts.AddHours(1), capacity = 0,
            presenters = new object[] { new { name = "", role = "student" } },
        }).ValidationAsync("presenters", "capacity");
    }

    [Fact]
    public async Task SavingTheEvent_WithoutProposalsCloseAt_KeepsTheCall_AndNullClosesIt()
    {
        var body = EventsScenario.EventBody(capacity: 50, now: _scenario.Clock.GetUtcNow());
        var closes = ((DateTimeOffset)body["registrationOpensAt"]!).AddDays(11);
        body["proposalsCloseAt"] = closes;
        var id = (await _scenario.CreateEventAsync(body)).GetProperty("id").GetGuid();
        body.Remove("proposalsCloseAt");
        body["capacity"] = 60;

        var kept = await _scenario.Coordinator.PutAsJsonAsync($"/api/events/{id}", body).ReadAsync(HttpStatusCode.OK);
        Assert.Equal((60, closes), (kept.GetProperty("capacity").GetInt32(), kept.GetProperty("proposalsCloseAt").GetDateTimeOffset()));

        body["proposalsCloseAt"] = null;
        var closed = await _scenario.Coordinator.PutAsJsonAsync($"/api/events/{id}", body).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("proposalsCloseAt").ValueKind);
    }

    private async Task<(Guid Id, DateTimeOffset StartsAt)> EventWithCallAsync(int capacity = 50)
    {
        var body = EventsScenario.EventBody(capacity, now: _scenario.Clock.GetUtcNow());
        body["proposalsCloseAt"] = ((DateTimeOffset)body["registrationOpensAt"]!).AddDays(11);
        var created = await _scenario.CreateEventAsync(body);
        return (created.GetProperty("id").GetGuid(), (DateTimeOffset)body["startsAt"]!);
    }

    private async Task<Guid> SessionWithPlacesAsync(Guid eventId, DateTimeOffset starts, int places)
    {
        var session = await _scenario.Coordinator.PostJsonAsync($"/api/events/{eventId}/sessions", new
        {
            title = "Working session with partners", kind = "working_session", startsAt = starts.AddHours(4), endsAt = starts.AddHours(6), capacity = places,
            presenters = new object[] { new { name = "Casey Coordinator", role = "staff" } },
        }).ReadAsync(HttpStatusCode.Created);
        return session.GetProperty("id").GetGuid();
    }

    private static object Proposal(string type) => new
    {
        title = "Teaching with micro-internships: a term in review",
        @abstract = "What changed in my course when students worked on real projects for local employers, and what I would do again.",
        type,
    };

    private async Task<List<string>> VersionsAsync(string snapshot, string field, Guid id)
    {
        var versions = await _scenario.ScalarAsync<string>($"""
            SELECT string_agg(payload->'{snapshot}'->>'version', ',' ORDER BY (payload->'{snapshot}'->>'version')::int) FROM event_log
            WHERE payload->'{snapshot}'->>'{field}' = '{id}'
            """);
        return [.. (versions ?? "").Split(',')];
    }

    private static async Task<string?> CodeOfAsync(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()
            : null;
}
