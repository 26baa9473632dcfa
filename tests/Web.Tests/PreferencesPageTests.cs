using System.Net;
using System.Text.Json;
using MicroInternships.Web.Components.Pages.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Web.Tests;

/// <summary>The email preferences page, and the page an email's unsubscribe link opens.</summary>
public sealed class PreferencesPageTests() : SignedInComponentTest(Roles.Student)
{
    private const string Preferences = """
        {"emailAddress":"sam@students.example.edu","categories":[
          {"category":"offer_received","email":true,"delivery":"immediate"},
          {"category":"feedback_revealed","email":true,"delivery":"daily"}]}
        """;

    [Fact]
    public void The_page_shows_the_address_and_each_categorys_choice_and_saves_what_the_person_changed()
    {
        Gateway.Answer(HttpStatusCode.OK, Preferences).Answer(HttpStatusCode.OK, Preferences.Replace("\"daily\"", "\"immediate\"", StringComparison.Ordinal));
        var page = Render<Preferences>();

        page.WaitForAssertion(() => Assert.Contains("sam@students.example.edu", page.Find("#email-address").TextContent));
        Assert.Equal("Offer received", page.Find("#label-offer_received").TextContent);
        Assert.Equal("daily", page.Find("#delivery-feedback_revealed").GetAttribute("value"));
        page.Find("#email-offer_received").Change(false);
        page.Find("#delivery-feedback_revealed").Change("immediate");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Your email preferences are saved.", page.Find("[role=status]").TextContent));
        var (request, body) = Gateway.Received[1];
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/api/notification-preferences", request.RequestUri!.AbsolutePath);
        var sent = JsonDocument.Parse(body!).RootElement.GetProperty("categories").EnumerateArray()
            .ToDictionary(c => c.GetProperty("category").GetString()!, c => (c.GetProperty("email").GetBoolean(), c.GetProperty("delivery").GetString()));
        Assert.Equal((false, "immediate"), sent["offer_received"]);
        Assert.Equal((true, "immediate"), sent["feedback_revealed"]);
    }

    [Fact]
    public void Without_a_known_address_the_page_says_notifications_stay_on_the_website()
    {
        Gateway.Answer(HttpStatusCode.OK, """{"emailAddress":null,"categories":[]}""");

        var page = Render<Preferences>();

        page.WaitForAssertion(() => Assert.Contains("show on the website only", page.Find("#email-address").TextContent));
    }

    [Fact]
    public void The_unsubscribe_page_asks_first_then_posts_the_links_token_and_says_what_stopped()
    {
        Gateway.Answer(HttpStatusCode.OK, """{"categories":["offer_received"]}""");
        var page = RenderUnsubscribe("abc.def");
        Assert.Empty(Gateway.Received);

        page.Find("#unsubscribe").Click();

        page.WaitForAssertion(() => Assert.Contains("You will no longer get emails for: Offer received.", page.Find("[role=status]").TextContent));
        var (request, _) = Assert.Single(Gateway.Received);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/unsubscribe?token=abc.def", request.RequestUri!.PathAndQuery);
    }

    [Fact]
    public void An_expired_link_shows_the_platforms_problem()
    {
        Gateway.Answer(HttpStatusCode.Gone, """{"status":410,"code":"unsubscribe_link_expired","detail":"This unsubscribe link has expired; sign in and change your email preferences instead."}""", "application/problem+json");
        var page = RenderUnsubscribe("abc.def");

        page.Find("#unsubscribe").Click();

        page.WaitForAssertion(() => Assert.Contains("has expired", page.Markup));
    }

    private IRenderedComponent<Unsubscribe> RenderUnsubscribe(string token)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("token", token));
        return Render<Unsubscribe>();
    }
}
