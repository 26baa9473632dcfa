using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// The main journey, told: the student and the organization's partners hear of each step that is theirs once, live on
/// their streams through the gateway too, whichever replica made the notification and whichever holds the stream;
/// nobody else sees them, and each partner reads for themselves.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class NotificationJourneyTests(SystemFixture system, ITestOutputHelper output)
{
    // A bound a busy two-core machine running two replicas in Debug meets; how fast it is, is measured in docs/benchmarks.md.
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(5);

    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task TheMainJourney_TellsTheStudentAndThePartnersEachStepOnce_LiveOnTheirStreams()
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
        output.WriteLine($"Student's stream: {await studentStream.AssertCarriedLiveAsync(toStudent, Live)}");
        output.WriteLine($"Partner's stream: {await partnerStream.AssertCarriedLiveAsync(toPartner, Live)}");

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

    /// <summary>
    /// The caller's notifications once they are one of each of <paramref name="categories"/>; a repeat or another
    /// category fails at once. In any order: a notification is stamped when a replica applies its event, so a retried
    /// consumption (its listing not yet in the directory, say) can stamp an earlier step after a later one.
    /// </summary>
    private static async Task<IReadOnlyList<JsonElement>> EventuallyTheseAsync(HttpClient client, string[] categories) =>
        await GatewayCalls.EventuallyAsync(async () =>
        {
            var items = await GatewayCalls.AllPagesAsync(client, "/api/notifications");
            var told = items.Select(n => n.GetProperty("category").GetString()!).ToList();
            Assert.True(told.Distinct().Count() == told.Count && told.All(categories.Contains), $"told {string.Join(", ", told)}");
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

    /// <summary>
    /// The stream carried exactly these notifications, once each, each within <paramref name="live"/> of being made; the
    /// lags, for the log. In any order: the stream sends in commit order, the list sorts by when each was made, and a
    /// notification is made before its batch commits.
    /// </summary>
    public async Task<string> AssertCarriedLiveAsync(IReadOnlyList<JsonElement> expected, TimeSpan live)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(Arrived().Count >= expected.Count), $"{expected.Count} events arrived on the stream", TimeSpan.FromSeconds(10));
        var arrived = Arrived();
        Assert.Equal(expected.Select(n => n.GetProperty("id").GetString()).Order(), arrived.Select(a => a.Event.EventId).Order());
        var lags = arrived.Select(a =>
        {
            using var data = JsonDocument.Parse(a.Event.Data);
            return (Category: data.RootElement.GetProperty("category").GetString(), Lag: a.ArrivedAt - data.RootElement.GetProperty("createdAt").GetDateTimeOffset());
        }).ToList();
        var measured = string.Join(", ", lags.Select(l => $"{l.Category} {l.Lag.TotalMilliseconds:F0} ms"));
        Assert.True(lags.All(l => l.Lag < live), $"not all arrived within {live.TotalSeconds:F0} s of being made: {measured}");
        return measured;
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
