using System.Net;
using MicroInternships.Web.Components.Pages.Notifications;

namespace MicroInternships.Web.Tests;

/// <summary>The notifications page: the list, and marking notifications read.</summary>
public sealed class NotificationListTests() : SignedInComponentTest(Roles.Student)
{
    private static readonly string _readOffer = SampleNotifications.Json(SampleNotifications.Offer().With(notification => notification.Read = true));

    [Fact]
    public void Notifications_are_listed_as_the_api_orders_them_with_the_unread_ones_marked_new()
    {
        Gateway.Answer(HttpStatusCode.OK, SampleNotifications.Page(SampleNotifications.Offer(), SampleNotifications.Approved()));

        var page = Render<NotificationList>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("ul.notification-list > li").Count));
        var items = page.FindAll("ul.notification-list > li");
        Assert.Equal("You have an offer for Loyalty survey", items[0].QuerySelector("h2 a")!.TextContent);
        Assert.Equal("/applications", items[0].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("New", items[0].QuerySelector(".badge-new")!.TextContent);
        Assert.Null(items[1].QuerySelector(".badge-new"));
        Assert.Empty(items[1].QuerySelectorAll("button"));
        Assert.Equal("/api/notifications?limit=20", Assert.Single(Gateway.Received).Request.RequestUri!.PathAndQuery);
    }

    [Fact]
    public void Marking_a_notification_read_tells_the_platform_and_the_bell()
    {
        Unread.Set(1);
        Gateway.Answer(HttpStatusCode.OK, SampleNotifications.Page(SampleNotifications.Offer(), SampleNotifications.Approved()))
            .Answer(HttpStatusCode.OK, _readOffer);
        var page = Render<NotificationList>();

        page.WaitForElement("ul.notification-list button").Click();

        page.WaitForAssertion(() => Assert.Contains("Marked as read.", page.Find("[role=status]").TextContent));
        var (request, _) = Gateway.Received[1];
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"/api/notifications/{SampleNotifications.OfferId}/read", request.RequestUri!.AbsolutePath);
        Assert.Empty(page.FindAll(".badge-new"));
        Assert.Equal(0, Unread.Count);
    }

    [Fact]
    public void Following_an_unread_notifications_link_marks_it_read()
    {
        Gateway.Answer(HttpStatusCode.OK, SampleNotifications.Page(SampleNotifications.Offer())).Answer(HttpStatusCode.OK, _readOffer);
        var page = Render<NotificationList>();

        page.WaitForElement("ul.notification-list h2 a").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".badge-new")));
        Assert.Equal($"/api/notifications/{SampleNotifications.OfferId}/read", Gateway.Received[1].Request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public void Mark_all_as_read_reads_every_notification_at_once()
    {
        Unread.Set(4);
        Gateway.Answer(HttpStatusCode.OK, SampleNotifications.Page(SampleNotifications.Offer(), SampleNotifications.Approved()))
            .Answer(HttpStatusCode.NoContent, "");
        var page = Render<NotificationList>();

        page.WaitForElement("#mark-all-read").Click();

        page.WaitForAssertion(() => Assert.Contains("All notifications are marked as read.", page.Find("[role=status]").TextContent));
        Assert.Equal("/api/notifications/read-all", Gateway.Received[1].Request.RequestUri!.AbsolutePath);
        Assert.Equal(HttpMethod.Post, Gateway.Received[1].Request.Method);
        Assert.Empty(page.FindAll(".badge-new"));
        Assert.Equal(0, Unread.Count);
    }

    [Fact]
    public void Unread_only_asks_the_platform_for_the_unread_ones()
    {
        Gateway.Answer(HttpStatusCode.OK, SampleNotifications.Page(SampleNotifications.Offer(), SampleNotifications.Approved()))
            .Answer(HttpStatusCode.OK, SampleNotifications.Page());
        var page = Render<NotificationList>();
        page.WaitForElement("ul.notification-list");

        page.Find("#unread-only").Change(true);

        page.WaitForAssertion(() => Assert.Contains("You are all caught up", page.Markup));
        Assert.Equal("/api/notifications?limit=20&unread=true", Gateway.Received[1].Request.RequestUri!.PathAndQuery, ignoreCase: true);
    }
}
