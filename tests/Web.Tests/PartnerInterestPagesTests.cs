using System.Net;
using MicroInternships.Web.Components.Pages.Coordinator;
using MicroInternships.Web.Components.Pages.Partners;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Web.Tests;

/// <summary>An organization asks to join and its contact confirms their email; the page says what comes next, or what to fix.</summary>
public sealed class PartnerInterestPagesTests() : SignedInComponentTest("student")
{
    [Fact]
    public void Sending_the_request_posts_every_field_and_says_to_check_the_inbox()
    {
        Gateway.Answer(HttpStatusCode.Accepted, """{"confirmBy":"2026-12-08T18:00:00Z"}""");
        var page = Render<JoinAsPartner>();

        page.Find("#organization-name").Change("Harbor Books");
        page.Find("#website").Change("https://harborbooks.example");
        page.Find("#contact-name").Change("Robin Park");
        page.Find("#contact-email").Change("robin@harborbooks.example");
        page.Find("#project-kinds").Change("A customer survey for our new store.");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("we sent a link to robin@harborbooks.example", page.Markup));
        Assert.Contains("Tue 8 Dec 2026", page.Markup);
        Assert.Equal(
            """{"contactEmail":"robin@harborbooks.example","contactName":"Robin Park","organizationName":"Harbor Books","projectKinds":"A customer survey for our new store.","website":"https://harborbooks.example"}""",
            Assert.Single(Gateway.Received).Body);
    }

    [Fact]
    public void A_refused_field_is_named_beside_its_input()
    {
        Gateway.Answer(HttpStatusCode.BadRequest, """
            {"status":400,"code":"invalid_input","detail":"Some fields are invalid.","errors":{"website":["website must be an absolute http(s) address."]}}
            """);
        var page = Render<JoinAsPartner>();

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("website must be an absolute http(s) address.", page.Find("#website-error").TextContent));
        Assert.Equal("true", page.Find("#website").GetAttribute("aria-invalid"));
        Assert.Empty(page.FindAll(".success"));
    }

    [Fact]
    public void The_honeypot_is_out_of_sight_and_out_of_reach()
    {
        var page = Render<JoinAsPartner>();

        var trap = page.Find(".trap");
        Assert.Equal("true", trap.GetAttribute("aria-hidden"));
        Assert.Equal("-1", trap.QuerySelector("input")!.GetAttribute("tabindex"));
    }

    [Fact]
    public void Confirming_sends_the_links_token_on_the_buttons_press_and_says_who_reviews_it()
    {
        Gateway.Answer(HttpStatusCode.OK, """{"organizationName":"Harbor Books","status":"pending"}""");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("token", "abc_DEF-123456789012345678901234567890123"));
        var page = Render<ConfirmPartnerEmail>();
        Assert.Empty(Gateway.Received);

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("reviews the request for Harbor Books", page.Markup));
        Assert.Equal("""{"token":"abc_DEF-123456789012345678901234567890123"}""", Assert.Single(Gateway.Received).Body);
    }
}

/// <summary>Coordinators approve or decline the requests whose contact confirmed their email.</summary>
public sealed class PartnerInterestReviewTests() : SignedInComponentTest("coordinator")
{
    private const string Request = """
        {"id":"0193b6a0-0000-7000-8000-0000000000a1","organizationName":"Harbor Books","website":"https://harborbooks.example",
        "contactName":"Robin Park","contactEmail":"robin@harborbooks.example","projectKinds":"A customer survey.","status":"pending",
        "submittedAt":"2026-12-05T00:00:00Z","confirmedAt":"2026-12-05T01:00:00Z","decidedAt":null,"decidedBy":null,"declineNote":null,
        "organizationId":null}
        """;

    private const string Pending = $$"""{"items":[{{Request}}],"nextCursor":null}""";

    private static string Decided(string status) => Request.Replace("\"pending\"", $"\"{status}\"", StringComparison.Ordinal);

    [Fact]
    public void Approving_says_the_contact_was_invited_and_takes_the_request_off_the_list()
    {
        Gateway.Answer(HttpStatusCode.OK, Pending);
        Gateway.Answer(HttpStatusCode.OK, Decided("approved"));
        var page = Render<PartnerInterestReview>();
        page.WaitForAssertion(() => Assert.Contains("robin@harborbooks.example", page.Markup));

        page.Find(".actions button").Click();

        page.WaitForAssertion(() => Assert.Contains("Harbor Books is now a partner organization; Robin Park was emailed an invitation.", page.Markup));
        Assert.Empty(page.FindAll(".actions button"));
        var (request, _) = Gateway.Received.Single(r => r.Request.Method == HttpMethod.Post);
        Assert.Equal("/api/partner-interest/0193b6a0-0000-7000-8000-0000000000a1/approve", request.RequestUri!.AbsolutePath);
        Assert.Contains("status=pending", Gateway.Received[0].Request.RequestUri!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Declining_sends_the_note()
    {
        Gateway.Answer(HttpStatusCode.OK, Pending);
        Gateway.Answer(HttpStatusCode.OK, Decided("declined"));
        var page = Render<PartnerInterestReview>();
        page.WaitForAssertion(() => Assert.Contains("robin@harborbooks.example", page.Markup));

        page.Find("textarea").Change("We place students in the spring only.");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("The request for Harbor Books is declined", page.Markup));
        Assert.Equal("""{"note":"We place students in the spring only."}""", Gateway.Received.Single(r => r.Request.Method == HttpMethod.Post).Body);
    }
}
