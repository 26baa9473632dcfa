using System.Net;
using MicroInternships.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Web.Tests;

/// <summary>The header's link to the notifications, with how many are unread.</summary>
public sealed class NotificationBellTests : SignedInComponentTest
{
    private readonly FakeGateway _stream = new();

    public NotificationBellTests()
        : base(Roles.Student) => Services.AddSingleton(_stream.StreamFor(FakeGateway.SignedIn(Roles.Student)));

    [Fact]
    public void The_bell_shows_how_many_notifications_are_unread()
    {
        Gateway.Answer(HttpStatusCode.OK, """{"unread":3}""");

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("Notifications, 3 unread", bell.Find("a.bell").GetAttribute("aria-label")));
        Assert.Equal("/notifications", bell.Find("a.bell").GetAttribute("href"));
        Assert.Equal("3", bell.Find(".bell-count").TextContent);
        Assert.Equal("/api/notifications/summary", Assert.Single(Gateway.Received).Request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public void A_notification_arriving_on_the_stream_raises_the_count_without_a_reload()
    {
        Gateway.Answer(HttpStatusCode.OK, """{"unread":3}""");
        _stream.Answer(HttpStatusCode.OK, SampleNotifications.Event(SampleNotifications.Offer()), "text/event-stream");

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() =>
        {
            Assert.Equal("Notifications, 4 unread", bell.Find("a.bell").GetAttribute("aria-label"));
            Assert.Equal("New notification: You have an offer for Loyalty survey", bell.Find("[role=status]").TextContent);
        });
    }

    [Fact]
    public void Once_nothing_is_unread_the_badge_goes()
    {
        Unread.Set(1);
        Gateway.Answer(HttpStatusCode.OK, """{"unread":0}""");

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".bell-count")));
        Assert.Equal("Notifications", bell.Find("a.bell").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_gateway_that_cannot_be_reached_leaves_the_last_count_and_breaks_nothing()
    {
        Unread.Set(2);
        Gateway.Fail(new HttpRequestException("connection refused"));
        _stream.Fail(new HttpRequestException("connection refused"));

        var bell = Render<NotificationBell>();

        // Nothing renders again when both calls fail, so this waits for the stream's attempt itself.
        for (var tries = 0; tries < 100 && _stream.Received.Count == 0; tries++)
        {
            await Task.Delay(20);
        }

        Assert.Single(_stream.Received);
        Assert.Equal("Notifications, 2 unread", bell.Find("a.bell").GetAttribute("aria-label"));
    }
}
