using System.Net;
using System.Security.Claims;
using MicroInternships.Web.Account;
using MicroInternships.Web.Components.Pages;

namespace MicroInternships.Web.Tests;

/// <summary>The signed-in home page: what needs the person's attention first, then their role's tasks.</summary>
public sealed class HomeTests : SignedInComponentTest
{
    public HomeTests()
        : base(Roles.Student)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("Ana Student");
        authorization.SetClaims(new Claim(SiteClaims.Role, Roles.Student), new Claim(SiteClaims.Name, "Ana Student"));
    }

    [Fact]
    public void Unread_notifications_are_listed_under_needs_your_attention()
    {
        Gateway.Answer(HttpStatusCode.OK, SampleNotifications.Page(SampleNotifications.Offer()));

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("You have an offer for Loyalty survey", page.Find("section.attention").TextContent));
        var attention = page.Find("section.attention");
        Assert.Equal("Needs your attention", attention.QuerySelector("h2")!.TextContent);
        Assert.Equal("/applications", attention.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.NotNull(attention.QuerySelector("a[href='/notifications']"));
        Assert.Equal("/api/notifications?limit=5&unread=true", Assert.Single(Gateway.Received).Request.RequestUri!.PathAndQuery, ignoreCase: true);
        Assert.NotEmpty(page.FindAll("ul.cards > li"));
    }

    [Fact]
    public void With_nothing_unread_the_person_is_told_they_are_all_caught_up()
    {
        Gateway.Answer(HttpStatusCode.OK, SampleNotifications.Page());

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("You are all caught up.", page.Find("section.attention").TextContent));
        Assert.Empty(page.FindAll("section.attention li"));
        Assert.NotEmpty(page.FindAll("ul.cards > li"));
    }
}
