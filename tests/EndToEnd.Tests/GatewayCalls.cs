using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>What journeys through the gateway share: development tokens, calls that expect a status, and waiting for the system to catch up.</summary>
public sealed class GatewayCalls(SystemFixture system)
{
    private static readonly TimeSpan _eventualTimeout = TimeSpan.FromSeconds(30);

    public async Task<HttpClient> ClientAsync(object claims)
    {
        var client = system.CreateGatewayClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(claims));
        return client;
    }

    /// <summary>A development token with these claims, for requests that carry it themselves (hundreds of callers, one client).</summary>
    public async Task<string> TokenAsync(object claims)
    {
        using var response = await system.Gateway.PostAsJsonAsync("/dev/token", claims);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A listing's body: 20 hours, $400, remote, closing in ten days.</summary>
    public static object ListingBody(string title, string skill = "testing", int openings = 1) => new
    {
        title,
        summary = $"{title}, in twenty hours.",
        description = "Study the material, find the themes, present three recommendations.",
        skills = new[] { skill },
        discipline = "Marketing",
        estimatedHours = 20,
        compensation = new { amountCents = 40_000, currency = "USD" },
        openings,
        applicationDeadline = DateTimeOffset.UtcNow.AddDays(10),
        workMode = "remote",
    };

    /// <summary>A listing the partner posts and publishes (<see cref="ListingBody"/>); its id.</summary>
    public static async Task<string> PublishedListingAsync(HttpClient partner, string title, string skill, int openings = 1)
    {
        var listing = await SendAsync(partner, HttpMethod.Post, "/api/listings", ListingBody(title, skill, openings), HttpStatusCode.Created);
        var listingId = listing.GetProperty("id").GetString()!;
        await SendAsync(partner, HttpMethod.Post, $"/api/listings/{listingId}/publish");
        return listingId;
    }

    /// <summary>The student applies (once Placements has heard of the listing), the partner offers, the student accepts; the placement's id.</summary>
    public static async Task<string> AcceptedPlacementAsync(HttpClient partner, HttpClient student, string listingId, string pitch)
    {
        var application = await EventuallyAsync(async () =>
        {
            using var response = await student.PostAsJsonAsync("/api/applications", new { listingId, pitch });
            return response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        });
        var applicationId = application.GetProperty("id").GetString();
        await SendAsync(partner, HttpMethod.Post, $"/api/applications/{applicationId}/offer");
        var placement = await SendAsync(student, HttpMethod.Post, $"/api/applications/{applicationId}/accept", expected: HttpStatusCode.Created);
        return placement.GetProperty("id").GetString()!;
    }

    /// <summary>The student logs four hours and submits the work; the partner approves it, which pays it.</summary>
    public static async Task ApprovedWorkAsync(HttpClient partner, HttpClient student, string placementId, string work)
    {
        await SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/time-entries",
            new { date = ProgramDay.Today, hours = 4m, note = work }, HttpStatusCode.Created);
        await SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/submit", new { note = "Done", deliverableUrl = "https://deliverables.example/report" });
        await SendAsync(partner, HttpMethod.Post, $"/api/placements/{placementId}/approve", new { rating = 5, feedback = "Clear and useful" });
    }

    /// <summary>Every item of a paged list, following <c>nextCursor</c> 100 at a time.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AllPagesAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await GatewayCalls.SendAsync(client, HttpMethod.Get, cursor is null ? $"{path}{separator}limit=100" : $"{path}{separator}limit=100&cursor={Uri.EscapeDataString(cursor)}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return items;
    }

    public static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> attempt) =>
        (JsonElement)await EventuallyAsync<object>(async () => await attempt() is { } element ? element : null);

    /// <summary>The first result that is not null, trying every 200 ms until the system's eventual timeout.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt) where T : class
    {
        var deadline = DateTime.UtcNow + _eventualTimeout;
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, "The system never reached the expected state.");
            await Task.Delay(200);
        }
    }
}
