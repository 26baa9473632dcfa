using System.Net;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Notifications.Tests;

/// <summary>The stream: each new notification of the caller's as one event, nobody else's, resumable by <c>Last-Event-ID</c>, with heartbeats.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class StreamTests(NotificationsFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Guid _organization = Guid.NewGuid();
    private readonly Guid _listing = Guid.NewGuid();

    [Fact]
    public async Task ANewNotification_ReachesTheOpenStreamsOfItsRecipients_AndNoOtherStream()
    {
        await ListingAsync(_listing, _organization);
        var (otherListing, otherOrganization) = (Guid.NewGuid(), Guid.NewGuid());
        await ListingAsync(otherListing, otherOrganization);
        using var partner = factory.CreateClientAs($"p-{Guid.NewGuid():N}", "partner", _organization.ToString());
        using var stream = await OpenAsync(partner);
        await using var events = Events(stream);

        await ApplyAsync(otherListing, otherOrganization);
        await ApplyAsync(_listing, _organization);

        var received = await NextAsync(events);
        Assert.Equal("notification", received.EventType);
        using var data = JsonDocument.Parse(received.Data);
        Assert.Equal("application_received", data.RootElement.GetProperty("category").GetString());
        Assert.Equal("New application: Listing of ours", data.RootElement.GetProperty("title").GetString());
        Assert.Equal(data.RootElement.GetProperty("id").GetString(), received.EventId);
    }

    [Fact]
    public async Task AStreamResumedWithLastEventId_SendsWhatCameAfterIt_First()
    {
        await ListingAsync(_listing, _organization);
        using var partner = factory.CreateClientAs($"p-{Guid.NewGuid():N}", "partner", _organization.ToString());
        await ApplyAsync(_listing, _organization);
        await ApplyAsync(_listing, _organization);
        await ApplyAsync(_listing, _organization);
        var ids = (await partner.ItemsAsync()).Select(n => n.GetProperty("id").GetString()!).Reverse().ToList();

        using var stream = await OpenAsync(partner, lastEventId: ids[0]);
        await using var events = Events(stream);

        Assert.Equal(ids[1], (await NextAsync(events)).EventId);
        Assert.Equal(ids[2], (await NextAsync(events)).EventId);
    }

    [Fact]
    public async Task AQuietStream_SendsHeartbeats()
    {
        using var student = factory.CreateClientAs($"s-{Guid.NewGuid():N}", "student");
        using var stream = await OpenAsync(student);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(), Encoding.UTF8);
        using var timeout = new CancellationTokenSource(Patience);

        var lines = new List<string>();
        while (!lines.Contains(": heartbeat"))
        {
            lines.Add(await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException());
        }

        Assert.Equal(": connected", lines[0]);
    }

    private async Task<HttpResponseMessage> OpenAsync(HttpClient client, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return response;
    }

    private static IAsyncEnumerator<SseItem<string>> Events(HttpResponseMessage response) =>
        SseParser.Create(response.Content.ReadAsStream()).EnumerateAsync().GetAsyncEnumerator();

    private static async Task<SseItem<string>> NextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        var next = events.MoveNextAsync().AsTask();
        Assert.True(await next.WaitAsync(Patience), "the stream ended");
        return events.Current;
    }

    private Task ListingAsync(Guid listing, Guid organization) => factory.PublishAndWaitAsync(
        new ListingPublished(Snapshots.Listing(listing, organization, organization == _organization ? "Listing of ours" : "Listing of theirs"), DateTimeOffset.UtcNow),
        consumers: 1);

    private Task ApplyAsync(Guid listing, Guid organization) => factory.PublishAndWaitAsync(
        new ApplicationSubmitted(Snapshots.Application(Guid.NewGuid(), listing, organization, $"s-{Guid.NewGuid():N}", "submitted"), DateTimeOffset.UtcNow),
        consumers: 1);
}
