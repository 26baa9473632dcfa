using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Events;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MicroInternships.Events.Tests;

[Collection(EventsCollection.Name)]
public sealed class CapacityTests(EventsFactory factory)
{
    private readonly EventsScenario _scenario = new(factory);

    [Fact]
    public async Task FiveHundredConcurrentRegistrations_ForFiftySeats_Confirm50_AndWaitlist450InOrder_CountedOnceEach()
    {
        var id = (await _scenario.CreateEventAsync(EventsScenario.EventBody(capacity: 50))).GetProperty("id").GetGuid();
        var clients = Enumerable.Range(1, 500).Select(n => _scenario.Student(n)).ToList();
        using var transitions = new MetricCollector<long>(
            factory.Services.GetRequiredService<IMeterFactory>(), StateTransitionMetrics.MeterName, "state.transitions");

        var registrations = await Task.WhenAll(clients.Select(client => _scenario.RegisterAsync(client, id)));

        Assert.Equal(50, registrations.Count(r => r.GetProperty("status").GetString() == "confirmed"));
        var positions = registrations.Where(r => r.GetProperty("status").GetString() == "waitlisted")
            .Select(r => r.GetProperty("waitlistPosition").GetInt32()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 450), positions);
        Assert.Equal(50, await _scenario.ScalarAsync<int>($"SELECT confirmed_count FROM events WHERE id = '{id}'"));
        Assert.Equal(50, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM registrations WHERE event_id = '{id}' AND status = 'confirmed'"));
        var counted = transitions.GetMeasurementSnapshot().Where(m => Equals(m.Tags["entity"], "registration"))
            .GroupBy(m => (string)m.Tags["status"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, long> { ["confirmed"] = 50, ["waitlisted"] = 450 }, counted);
    }

    [Fact]
    public async Task RegistrationsSettledTogether_EachGetTheirOwnAnswer_AndTheirOwnTrace()
    {
        var studentsOnly = new object[] { new { audience = "student", earlyBirdCents = 0, regularCents = 0 } };
        var id = (await _scenario.CreateEventAsync(EventsScenario.EventBody(capacity: 10, fees: studentsOnly))).GetProperty("id").GetGuid();
        var students = Enumerable.Range(1, 60).ToList();
        var traces = new ConcurrentDictionary<string, ActivityTraceId>();

        // Every student asks twice at once, and five faculty members (no fee for them) ask too, all at the same moment.
        var asks = students.SelectMany(n => new[] { _scenario.Student(n), _scenario.Student(n) }.Select(client => (Who: _scenario.StudentId(n), Client: client)))
            .Concat(Enumerable.Range(1, 5).Select(n => (Who: $"faculty-{n}", Client: _scenario.Faculty(n))))
            .ToList();
        var answers = await Task.WhenAll(asks.Select(async ask =>
        {
            var traceId = ActivityTraceId.CreateRandom();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{id}/registrations") { Content = JsonContent.Create(new { }) };
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            using var response = await ask.Client.SendAsync(request);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                traces[body.GetProperty("id").GetString()!] = traceId;
            }

            return (ask.Who, response.StatusCode, Code: body.TryGetProperty("code", out var code) ? code.GetString() : body.GetProperty("status").GetString());
        }));

        foreach (var student in students.Select(_scenario.StudentId))
        {
            var theirs = answers.Where(a => a.Who == student).Select(a => (a.StatusCode, a.Code)).OrderBy(a => a.StatusCode).ToList();
            Assert.Equal(HttpStatusCode.Created, theirs[0].StatusCode);
            Assert.Equal((HttpStatusCode.Conflict, "registration_exists"), theirs[1]);
        }

        Assert.All(answers.Where(a => a.Who.StartsWith("faculty-", StringComparison.Ordinal)), a => Assert.Equal((HttpStatusCode.Conflict, "no_fee_for_audience"), (a.StatusCode, a.Code)));
        Assert.Equal(10, answers.Count(a => a.Code == "confirmed"));
        Assert.Equal(50, answers.Count(a => a.Code == "waitlisted"));
        Assert.Equal(10, await _scenario.ScalarAsync<int>($"SELECT confirmed_count FROM events WHERE id = '{id}'"));
        Assert.Equal(60, await _scenario.ScalarAsync<long>($"SELECT count(DISTINCT attendee_id) FROM registrations WHERE event_id = '{id}'"));

        // Each registration's event continues the trace of the request that asked for it.
        foreach (var (registrationId, traceId) in traces)
        {
            var traceParent = await _scenario.ScalarAsync<string>(
                $"SELECT trace_parent FROM outbox_messages WHERE payload->'registration'->>'registrationId' = '{registrationId}'");
            Assert.Equal(traceId.ToString(), traceParent?.Split('-')[1]);
        }
    }

    [Fact]
    public async Task Cancellations_PromoteTheWaitlistInArrivalOrder_AndMoreCapacityPromotesMore()
    {
        var id = (await _scenario.CreateEventAsync(EventsScenario.EventBody(capacity: 2))).GetProperty("id").GetGuid();
        var registrations = new List<JsonElement>();
        for (var n = 1; n <= 6; n++)
        {
            registrations.Add(await _scenario.RegisterAsync(_scenario.Student(n), id));
        }

        var ids = registrations.Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([null, null, 1, 2, 3, 4], registrations.Select(r => r.GetProperty("waitlistPosition").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("waitlistPosition").GetInt32()));

        using (var cancel = await _scenario.Student(2).PostJsonAsync($"/api/events/{id}/registrations/{ids[1]}/cancel"))
        {
            await cancel.ReadAsync(HttpStatusCode.OK);
        }

        Assert.Equal(["confirmed", "cancelled", "confirmed", "waitlisted", "waitlisted", "waitlisted"], await StatusesAsync(id, ids));
        using (var mine = await _scenario.Student(6).GetAsync($"/api/events/{id}/registrations/me"))
        {
            Assert.Equal(3, (await mine.ReadAsync(HttpStatusCode.OK)).GetProperty("waitlistPosition").GetInt32());
        }

        var body = EventsScenario.EventBody(capacity: 4);
        using (var grow = await _scenario.Coordinator.PutAsJsonAsync($"/api/events/{id}", body))
        {
            Assert.Equal(4, (await grow.ReadAsync(HttpStatusCode.OK)).GetProperty("confirmedCount").GetInt32());
        }

        Assert.Equal(["confirmed", "cancelled", "confirmed", "confirmed", "confirmed", "waitlisted"], await StatusesAsync(id, ids));
        Assert.Equal(3, await _scenario.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(RegistrationPromoted).FullName},%' AND payload->'registration'->>'eventId' = '{id}'"));

        using var shrink = await _scenario.Coordinator.PutAsJsonAsync($"/api/events/{id}", EventsScenario.EventBody(capacity: 3));
        await shrink.ProblemAsync(HttpStatusCode.Conflict, "capacity_below_confirmed");
    }

    [Fact]
    public async Task NothingIsPromoted_OnceTheEventHasStarted()
    {
        var created = await _scenario.CreateEventAsync(EventsScenario.EventBody(capacity: 1));
        var id = created.GetProperty("id").GetGuid();
        var first = (await _scenario.RegisterAsync(_scenario.Student(1), id)).GetProperty("id").GetGuid();
        var second = (await _scenario.RegisterAsync(_scenario.Student(2), id)).GetProperty("id").GetGuid();

        _scenario.Clock.PinAt(created.GetProperty("startsAt").GetDateTimeOffset().AddMinutes(5));
        using var cancel = await _scenario.Student(1).PostJsonAsync($"/api/events/{id}/registrations/{first}/cancel");
        await cancel.ReadAsync(HttpStatusCode.OK);

        Assert.Equal(["cancelled", "waitlisted"], await StatusesAsync(id, [first, second]));
    }

    private Task<List<string>> StatusesAsync(Guid eventId, IReadOnlyList<Guid> ids) =>
        Task.WhenAll(ids.Select(id => _scenario.ScalarAsync<string>($"SELECT status FROM registrations WHERE id = '{id}'")))
            .ContinueWith(t => t.Result.Select(s => s!).ToList());
}
