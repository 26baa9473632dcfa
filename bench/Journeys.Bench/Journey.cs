using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.Journeys.Bench;

/// <summary>
/// The steps of a student's paid micro-internship through the gateway: a partner's listing, an application, an offer
/// accepted, the work submitted; then the partner's approval and the payout seen as <c>paid</c> in Placements.
/// </summary>
internal sealed class Journey(RunningSystem system, HttpClient partner)
{
    private const string CascadeAnalytics = "0193b6a0-0000-7000-8000-000000000002";
    private const int OpeningsPerListing = 50;
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _listingLock = new(1, 1);
    private (Guid Id, int Left)? _listing;

    /// <summary>One partner's journeys; each partner stays within the gateway's per-user rate limit on their own.</summary>
    public static async Task<Journey> PartnerAsync(RunningSystem system, string partnerId) =>
        new(system, await system.SignedInAsync(new { sub = partnerId, role = "partner", name = $"Partner {partnerId}", org = CascadeAnalytics }));

    /// <summary>A placement of a fresh student, submitted and waiting for the partner's approval.</summary>
    public async Task<SubmittedPlacement> SubmittedAsync(string studentId)
    {
        var listingId = await TakeOpeningAsync();
        var student = await system.SignedInAsync(new { sub = studentId, role = "student", name = $"Student {studentId}" });
        var application = await EventuallyAsync(async () =>
        {
            using var response = await student.PostAsJsonAsync("/api/applications", new { listingId, pitch = "I measure things carefully." });
            return response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        });
        var applicationId = application.GetProperty("id").GetString();
        await SendAsync(partner, $"/api/applications/{applicationId}/offer", new { });
        var placement = await SendAsync(student, $"/api/applications/{applicationId}/accept", new { });
        var placementId = placement.GetProperty("id").GetString()!;
        await SendAsync(student, $"/api/placements/{placementId}/time-entries", new { date = ProgramToday(), hours = 4, note = "Analysis." });
        await SendAsync(student, $"/api/placements/{placementId}/submit", new { note = "Done." });
        return new SubmittedPlacement(placementId, student);
    }

    public Task ApproveAsync(SubmittedPlacement placement) =>
        SendAsync(partner, $"/api/placements/{placement.Id}/approve", new { rating = 5, feedback = "Good work." });

    /// <summary>Reads the placement as its student does until Payments' <c>PayoutPaid</c> has reached Placements.</summary>
    public static async Task WaitUntilPaidAsync(SubmittedPlacement placement, TimeSpan pollInterval)
    {
        var deadline = DateTime.UtcNow + _patience;
        while (true)
        {
            var current = await placement.Student.GetFromJsonAsync<JsonElement>($"/api/placements/{placement.Id}");
            if (current.GetProperty("paymentStatus").GetString() == "paid")
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Placement {placement.Id} was not paid within {_patience.TotalSeconds} s.");
            }

            await Task.Delay(pollInterval);
        }
    }

    private async Task<Guid> TakeOpeningAsync()
    {
        await _listingLock.WaitAsync();
        try
        {
            if (_listing is not { Left: > 0 } listing)
            {
                listing = (await OpenListingAsync(), OpeningsPerListing);
            }

            _listing = listing with { Left = listing.Left - 1 };
            return listing.Id;
        }
        finally
        {
            _listingLock.Release();
        }
    }

    private async Task<Guid> OpenListingAsync()
    {
        var listing = await SendAsync(partner, "/api/listings", new
        {
            title = $"Benchmark project {Guid.NewGuid():N}"[..30],
            summary = "A project the benchmark fills.",
            description = "Placements opened and paid by the journey benchmark.",
            skills = new[] { "analysis" },
            discipline = "Business Analytics",
            estimatedHours = 20,
            compensation = new { amountCents = 40_000, currency = "USD" },
            openings = OpeningsPerListing,
            applicationDeadline = DateTimeOffset.UtcNow.AddDays(10),
            workMode = "remote",
        });
        var id = listing.GetProperty("id").GetGuid();
        await SendAsync(partner, $"/api/listings/{id}/publish", new { });
        return id;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Placements hears of a new listing from Listings' event a moment after it is published; until then applying is 409.</summary>
    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> attempt)
    {
        var deadline = DateTime.UtcNow + _patience;
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The listing never reached Placements.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Today in the program's time zone, the calendar time entries are dated in.</summary>
    private static DateOnly ProgramToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);
}

internal sealed record SubmittedPlacement(string Id, HttpClient Student);
