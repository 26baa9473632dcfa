using System.Net;
using MicroInternships.Clients.Notifications.Models;
using MicroInternships.Web.Api;

namespace MicroInternships.Web.Tests;

/// <summary>Reading the signed-in person's notifications from the gateway's stream.</summary>
public sealed class NotificationStreamTests
{
    [Fact]
    public async Task A_dropped_stream_is_opened_again_resuming_after_the_last_notification_received()
    {
        var gateway = new FakeGateway()
            .Answer(HttpStatusCode.OK, $": connected\n\n{SampleNotifications.Event(SampleNotifications.Offer())}: heartbeat\n\n", "text/event-stream")
            .Answer(HttpStatusCode.OK, SampleNotifications.Event(SampleNotifications.Approved()), "text/event-stream");
        var stream = gateway.StreamFor(FakeGateway.SignedIn(Roles.Student, token: "t-7"), reconnectDelay: TimeSpan.Zero);

        var received = await ReadAsync(stream, count: 2);

        Assert.Equal([SampleNotifications.OfferId, SampleNotifications.ApprovedId], received.Select(notification => notification.Id!.Value));
        Assert.Equal("You have an offer for Loyalty survey", received[0].Title);
        Assert.Equal("/applications", received[0].Link);
        var (first, second) = (gateway.Received[0].Request, gateway.Received[1].Request);
        Assert.Equal("/api/notifications/stream", first.RequestUri!.AbsolutePath);
        Assert.Equal("Bearer t-7", first.Headers.Authorization?.ToString());
        Assert.False(first.Headers.Contains("Last-Event-ID"));
        Assert.Equal([SampleNotifications.OfferId.ToString()], second.Headers.GetValues("Last-Event-ID"));
    }

    [Fact]
    public async Task A_refused_stream_is_not_opened_again()
    {
        var gateway = new FakeGateway().Answer(HttpStatusCode.Unauthorized, """{"status":401}""", "application/problem+json");
        var stream = gateway.StreamFor(FakeGateway.SignedIn(Roles.Student), reconnectDelay: TimeSpan.Zero);

        var received = await ReadAsync(stream, count: 1);

        Assert.Empty(received);
        Assert.Single(gateway.Received);
    }

    private static async Task<List<NotificationDto>> ReadAsync(NotificationStream stream, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        List<NotificationDto> received = [];
        await foreach (var notification in stream.ReadAsync(timeout.Token))
        {
            received.Add(notification);
            if (received.Count == count)
            {
                break;
            }
        }

        return received;
    }
}
