using System.Net;
using System.Text.Json;

namespace MicroInternships.Events.Tests;

/// <summary>A test's world: callers, and an event whose instants lie around "now" as the test chooses.</summary>
public sealed class EventsScenario
{
    private readonly EventsFactory _factory;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public EventsScenario(EventsFactory factory)
    {
        _factory = factory;
        factory.Clock.Release();
    }

    public HttpClient Coordinator => _factory.CreateClientAs("c-1", "coordinator");

    public HttpClient Anonymous => _factory.CreateClient();

    public string StudentId(int n) => $"s-{n}-{_suffix}";

    public HttpClient Student(int n = 1) => _factory.CreateClientAs(StudentId(n), "student");

    public HttpClient Faculty(int n = 1) => _factory.CreateClientAs($"f-{n}-{_suffix}", "faculty");

    public HttpClient Partner(int n = 1, Guid? organization = null) =>
        _factory.CreateClientAs($"p-{n}-{_suffix}", "partner", (organization ?? OrganizationOf(n)).ToString());

    public static Guid OrganizationOf(int partner) => new($"00000000-0000-0000-0000-{partner:D12}");

    public StoppableClock Clock => _factory.Clock;

    /// <summary>An event starting in 30 days (whole seconds, as calendars keep them): registration opened yesterday, early bird ends in 5 days, closes in 20.</summary>
    public static Dictionary<string, object?> EventBody(int capacity = 50, DateTimeOffset? now = null, object[]? fees = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var starts = at.AddDays(30);
        return new Dictionary<string, object?>
        {
            ["title"] = "Academic Innovation Winter Institute (test)",
            ["venue"] = "College of Business Administration",
            ["timeZone"] = "America/Los_Angeles",
            ["startsAt"] = starts,
            ["endsAt"] = starts.AddHours(31.5),
            ["capacity"] = capacity,
            ["registrationOpensAt"] = at.AddDays(-1),
            ["earlyBirdDeadline"] = at.AddDays(5),
            ["registrationClosesAt"] = at.AddDays(20),
            ["fees"] = fees ?? new object[]
            {
                new { audience = "student", earlyBirdCents = 0, regularCents = 0 },
                new { audience = "faculty", earlyBirdCents = 7_500, regularCents = 9_500 },
                new { audience = "partner", earlyBirdCents = 15_000, regularCents = 20_000 },
            },
        };
    }

    public async Task<JsonElement> CreateEventAsync(Dictionary<string, object?>? body = null)
    {
        using var response = await Coordinator.PostJsonAsync("/api/events", body ?? EventBody());
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    public async Task<JsonElement> AddSessionAsync(Guid eventId, string kind, DateTimeOffset startsAt, TimeSpan length)
    {
        using var response = await Coordinator.PostJsonAsync($"/api/events/{eventId}/sessions",
            new { title = $"A {kind} session", kind, startsAt, endsAt = startsAt + length, room = "Room 101" });
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    public async Task<JsonElement> RegisterAsync(HttpClient client, Guid eventId, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await client.PostJsonAsync($"/api/events/{eventId}/registrations", new { });
        return await response.ReadAsync(expected);
    }

    public Task<T?> ScalarAsync<T>(string sql) => _factory.Database.ScalarAsync<T>(sql);
}
