using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.Journeys.Bench;

internal sealed record BurstResult(int Requests, double Milliseconds, int Confirmed, int Waitlisted, int Other, int ConfirmedByEvent);

/// <summary>Many people register for a small event at the same moment: how long until all are answered, and how many got a seat.</summary>
internal static class RegistrationBurst
{
    public static async Task<BurstResult> MeasureAsync(RunningSystem system, int registrations, int seats)
    {
        using var coordinator = await system.SignedInAsync(new { sub = "c-bench", role = "coordinator", name = "Bench Coordinator" });

        // Warm-up, as for the other measurements: a tenth of the burst for another event, so the measured one does
        // not also pay for compiling the registration path and growing the thread pools.
        await BurstAsync(system, coordinator, "warm-up", Math.Max(registrations / 10, 1), Math.Max(seats / 10, 1));
        return await BurstAsync(system, coordinator, "burst", registrations, seats);
    }

    private static async Task<BurstResult> BurstAsync(RunningSystem system, HttpClient coordinator, string name, int registrations, int seats)
    {
        var eventId = await OpenEventAsync(coordinator, seats);
        var tokens = await TokensAsync(system, name, registrations);

        using var gateway = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = registrations }) { BaseAddress = system.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        using var start = new SemaphoreSlim(0);
        var answers = tokens.Select(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{eventId}/registrations") { Content = JsonContent.Create(new { }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await start.WaitAsync();
            using var response = await gateway.SendAsync(request);
            return response.StatusCode == HttpStatusCode.Created
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()
                : $"{(int)response.StatusCode}";
        }).ToList();

        var started = Stopwatch.GetTimestamp();
        start.Release(registrations);
        var statuses = await Task.WhenAll(answers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var theEvent = await coordinator.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}");
        return new BurstResult(registrations, elapsed,
            statuses.Count(status => status == "confirmed"),
            statuses.Count(status => status == "waitlisted"),
            statuses.Count(status => status is not ("confirmed" or "waitlisted")),
            theEvent.GetProperty("confirmedCount").GetInt32());
    }

    private static async Task<Guid> OpenEventAsync(HttpClient coordinator, int seats)
    {
        var now = DateTimeOffset.UtcNow;
        using var response = await coordinator.PostAsJsonAsync("/api/events", new
        {
            title = "Benchmark burst",
            venue = "Main hall",
            timeZone = "America/Los_Angeles",
            startsAt = now.AddDays(30),
            endsAt = now.AddDays(30).AddHours(8),
            capacity = seats,
            registrationOpensAt = now.AddDays(-1),
            earlyBirdDeadline = now.AddDays(1),
            registrationClosesAt = now.AddDays(20),
            fees = new[] { new { audience = "student", earlyBirdCents = 0, regularCents = 0 } },
        });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating the event: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<string[]> TokensAsync(RunningSystem system, string name, int count)
    {
        var tokens = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            using var client = await system.SignedInAsync(new { sub = $"s-{name}-{i}", role = "student", name = $"Attendee {i}" });
            tokens[i] = client.DefaultRequestHeaders.Authorization!.Parameter!;
        });
        return tokens;
    }
}
