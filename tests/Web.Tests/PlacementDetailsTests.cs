using System.Net;
using MicroInternships.Clients.Placements.Models;
using MicroInternships.Web.Components.Pages.Placements;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace MicroInternships.Web.Tests;

/// <summary>Which settlement form the placement page offers the placement's partner.</summary>
public sealed class PlacementDetailsTests : SignedInComponentTest
{
    public PlacementDetailsTests()
        : base("partner") => SetRendererInfo(new RendererInfo("Server", true));

    [Fact]
    public void The_partner_is_offered_the_settle_form_while_the_students_cancellation_is_pending()
    {
        var page = RenderPage(SamplePlacements.AwaitingSettlement());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#settle-heading")));
        Assert.Contains("Waiting for you to settle what the student is paid", page.Find("#settlement-heading").ParentElement!.TextContent);
        Assert.Contains("Due once the settlement is decided", page.Markup);
    }

    [Fact]
    public void Once_the_partner_has_settled_the_page_shows_it_without_a_form()
    {
        var page = RenderPage(SamplePlacements.SettledBelowProposal());

        page.WaitForAssertion(() => Assert.Contains("The student can dispute it until", page.Markup));
        Assert.Empty(page.FindAll("#settle-heading"));
        Assert.Empty(page.FindAll("#dispute-heading"));
    }

    private IRenderedComponent<PlacementDetails> RenderPage(PlacementDto placement)
    {
        Gateway.Answer(HttpStatusCode.OK, SamplePlacements.Json(placement));
        var partner = FakeGateway.SignedIn(Roles.Partner, organization: placement.OrganizationId.ToString());
        return Render<PlacementDetails>(parameters => parameters
            .Add(p => p.Id, placement.Id!.Value).AddCascadingValue(Task.FromResult(new AuthenticationState(partner))));
    }
}
