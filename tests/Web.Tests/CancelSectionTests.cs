using System.Net;
using MicroInternships.Clients.Placements.Models;
using MicroInternships.Web.Components.Pages.Placements;

namespace MicroInternships.Web.Tests;

/// <summary>The partner's cancel form on a placement page: it says what the hours logged are worth, the proposal unless changed.</summary>
public sealed class CancelSectionTests() : SignedInComponentTest("partner")
{
    private readonly List<PlacementUpdate> _updates = [];

    [Fact]
    public void The_partner_is_offered_the_proposal_and_sends_the_amount_it_types()
    {
        Gateway.Answer(HttpStatusCode.OK, SamplePlacements.Json(SamplePlacements.SettledBelowProposal().With(placement => placement.CancelledBy = "partner")));
        var section = RenderConfirming(SamplePlacements.Active(6m));

        Assert.Equal("120.00", section.Find("#cancel-amount").GetAttribute("value"));
        section.Find("#cancel-reason").Input("The project lost its funding.");
        section.Find("#cancel-amount").Input("80");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Single(_updates));
        Assert.Equal("""{"payableCents":8000,"reason":"The project lost its funding."}""", Assert.Single(Gateway.Received).Body);
        Assert.Contains("the student may dispute it", _updates[0].Message);
    }

    [Fact]
    public void More_than_the_proposal_is_caught_before_anything_is_sent()
    {
        var section = RenderConfirming(SamplePlacements.Active(6m));

        section.Find("#cancel-reason").Input("The project lost its funding.");
        section.Find("#cancel-amount").Input("150");
        section.Find("form").Submit();

        Assert.Equal("Enter at most $120.00.", section.Find("#cancel-amount-error").TextContent);
        Assert.Equal("true", section.Find("#cancel-amount").GetAttribute("aria-invalid"));
        Assert.Empty(Gateway.Received);
    }

    [Fact]
    public void The_apis_word_on_the_amount_is_shown_beside_it()
    {
        Gateway.Answer(HttpStatusCode.BadRequest, """{"status":400,"errors":{"payableCents":["payableCents must be 0 to 12000."]}}""", "application/problem+json");
        var section = RenderConfirming(SamplePlacements.Active(6m));

        section.Find("#cancel-reason").Input("The project lost its funding.");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Equal("payableCents must be 0 to 12000.", section.Find("#cancel-amount-error").TextContent));
        Assert.Contains("cancel-amount-error", section.Find("#cancel-amount").GetAttribute("aria-describedby"));
        Assert.Empty(_updates);
    }

    private IRenderedComponent<CancelSection> RenderConfirming(PlacementDto placement)
    {
        var section = Render<CancelSection>(parameters => parameters
            .Add(p => p.Placement, placement).Add(p => p.Role, Roles.Partner).Add(p => p.OnUpdated, _updates.Add));
        section.Find("button.danger").Click();
        return section;
    }
}
