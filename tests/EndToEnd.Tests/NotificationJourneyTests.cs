using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// The main journey, told: the student and the organization's partners hear of each step that is theirs, in order
/// and once, live on their streams through the gateway too, whichever replica made the notification and whichever
/// holds the stream; nobody else sees them, and each partner reads for themselves.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class NotificationJourneyTests(SystemFixture system)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(1);

    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task TheMainJourney_TellsTheStudentAndThePartnersEachStepOnceInOrder_LiveOnTheirStreams()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var coordinator = await _calls.ClientAsync(new { sub = $"c-told-{suffix}", role = "coordinator", name = "Casey" });
        var organization = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations",
            new { name = $"Told Co {suffix}", website = "https://told.example" }, HttpStatusCode.Created)).GetProperty("id").GetString();
        var partner = await _calls.ClientAsync(new { sub = $"p-told-{suffix}", role = "partner", name = "Pat", org = organization });
        var colleague = await _calls.ClientAsync(new { sub = $"p2-told-{suffix}", role = "partner", name = "Lee", org = organization });
        var student = await _calls.ClientAsync(new { sub = $"s-told-{suffix}", role = "student", name = "Jordan Told" });
        await using var studentStream = await StreamRecording.OpenAsync(student);
        await using var partnerStream = await StreamRecording.OpenAsync(colleague);

        var listingId = await GatewayCalls.PublishedListingAsync(partner, $"Survey analysis {suffix}", "analysis");
        var placementId = await GatewayCalls.AcceptedPlacementAsync(partner, student, listingId, "I analysed surveys in my stats course.");
        await GatewayCalls.ApprovedWorkAsync(partner, student, placementId, "Cleaning the survey data");

        string[] studentSteps = ["offer_received", "work_approved", "payout_paid"];
        string[] partnerSteps = ["application_received", "offer_accepted", "work_submitted"];
        var toStudent = await EventuallyTheseAsync(student, studentSteps);
        var toPartner = await EventuallyTheseAsync(colleague, partnerSteps);
        await studentStream.AssertCarriedLiveAsync(toStudent, Live);
        await partnerStream.AssertCarriedLiveAsync(toPartner, Live);

        // Nobody else sees them: another student, another organization's partner, a faculty member.
        var strangers = new[]
        {
            await _calls.ClientAsync(new { sub = $"s2-told-{suffix}", role = "student", name = "Other" }),
            await _calls.ClientAsync(new { sub = $"p3-told-{suffix}", role = "partner", name = "Elsewhere", org = Guid.NewGuid().ToString() }),
            await _calls.ClientAsync(new { sub = $"f-told-{suffix}", role = "faculty", name = "Dr. Flores" }),
        };
        foreach (var stranger in strangers)
        {
            var theirs = await GatewayCalls.AllPagesAsync(stranger, "/api/notifications");
            foreach (var notification in toStudent.Concat(toPartner))
            {
                var id = notification.GetProperty("id").GetString();
                await GatewayCalls.SendAsync(stranger, HttpMethod.Get, $"/api/notifications/{id}", expected: HttpStatusCode.NotFound);
                Assert.DoesNotContain(theirs, n => n.GetProperty("id").GetString() == id);
            }
        }

        // Each partner of the organization reads for themselves.
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, "/api/notifications/read-all", expected: HttpStatusCode.NoContent);
        Assert.Equal(0, (await GatewayCalls.SendAsync(partner, HttpMethod.Get, "/api/notifications/summary")).GetProperty("unread").GetInt32());
        Assert.Equal(3, (await GatewayCalls.SendAsync(colleague, HttpMethod.Get, "/api/notifications/summary")).GetProperty("unread").GetInt32());
    }

    /// <summary>The caller's notifications once they are exactly <paramref name="categories"/>, oldest first; one too many fails at once.</summary>
    private static async Task<List<JsonElement>> EventuallyTheseAsync(HttpClient client, string[] categories) =>
        await GatewayCalls.EventuallyAsync(async () =>
        {
            var items = (await GatewayCalls.AllPagesAsync(client, "/api/notifications")).Reverse().ToList();
            var told = items.Select(n => n.GetProperty("category").GetString()!).ToList();
            Assert.True(told.Count <= categories.Length && told.SequenceEqual(categories.Take(told.Count)), $"told {string.Join(", ", told)}");
            return told.Count == categories.Length ? items : null;
        });
}

/// <summary>An open notification stream whose events are recorded with the moment each arrived.</summary>
internal sealed class StreamRecording : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(SseItem<string> Event, DateTimeOffset ArrivedAt)> _arrived = [];
    private readonly Task _reading;

    private StreamRecording(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reading = Task.Run(async () =>
        {
            await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token))
            {
                lock (_arrived)
                {
                    _arrived.Add((item, DateTimeOffset.UtcNow));
                }
            }
        });
    }

    public static async Task<StreamRecording> OpenAsync(HttpClient client)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/notifications/stream"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new StreamRecording(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The stream carried exactly these notifications, in order, each within <paramref name="live"/> of being made.</summary>
    public async Task AssertCarriedLiveAsync(IReadOnlyList<JsonElement> expected, TimeSpan live)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(Arrived().Count >= expected.Count), $"{expected.Count} events arrived on the stream", TimeSpan.FromSeconds(10));
        var arrived = Arrived();
        Assert.Equal(expected.Select(n => n.GetProperty("id").GetString()), arrived.Select(a => a.Event.EventId));
        foreach (var (item, arrivedAt) in arrived)
        {
            using var data = JsonDocument.Parse(item.Data);
            var lag = arrivedAt - data.RootElement.GetProperty("createdAt").GetDateTimeOffset();
            Assert.True(lag < live, $"{item.EventId} arrived {lag.TotalMilliseconds:F0} ms after it was made");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await Task.WhenAny(_reading);
        _stop.Dispose();
    }

    private List<(SseItem<string> Event, DateTimeOffset ArrivedAt)> Arrived()
    {
        lock (_arrived)
        {
            return [.. _arrived];
        }
    }
}
