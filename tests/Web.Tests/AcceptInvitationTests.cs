using System.Net;
using MicroInternships.Web.Components.Pages.Invitations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Web.Tests;

/// <summary>The invited person accepts from the link, or is told why not.</summary>
public sealed class AcceptInvitationTests() : SignedInComponentTest("student")
{
    [Fact]
    public void Accepting_sends_the_links_token_and_says_which_organization_they_joined()
    {
        Gateway.Answer(HttpStatusCode.OK, """{"organizationId":"0193b6a0-0000-7000-8000-000000000002","organizationName":"Cascade Analytics"}""");
        var page = RenderFromTheLink();

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("You are now a member of Cascade Analytics", page.Markup));
        Assert.Equal("""{"token":"abc_DEF-123456789012345678901234567890123"}""", Assert.Single(Gateway.Received).Body);
    }

    [Fact]
    public void An_invitation_for_another_address_is_refused_in_words()
    {
        Gateway.Answer(HttpStatusCode.Forbidden, """
            {"status":403,"code":"invitation_email_mismatch","detail":"This invitation is for another email address: sign in with the address it was sent to."}
            """);
        var page = RenderFromTheLink();

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("sign in with the address it was sent to", page.Markup));
        Assert.DoesNotContain("You are now a member", page.Markup);
    }

    [Fact]
    public void Without_the_links_token_the_page_says_to_open_the_link()
    {
        var page = Render<AcceptInvitation>();

        Assert.Contains("open that link as it is", page.Markup);
        Assert.Empty(page.FindAll("form"));
    }

    private IRenderedComponent<AcceptInvitation> RenderFromTheLink()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("token", "abc_DEF-123456789012345678901234567890123"));
        return Render<AcceptInvitation>();
    }
}
