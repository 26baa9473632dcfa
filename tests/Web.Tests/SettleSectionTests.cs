using System.Net;
using MicroInternships.Clients.Placements.Models;
using MicroInternships.Web.Components.Pages.Placements;

namespace MicroInternships.Web.Tests;

/// <summary>The partner's settle form on a student's cancellation: up to the proposal, a reason below it.</summary>
public sealed class SettleSectionTests() : SignedInComponentTest("partner")
{
    private readonly List<PlacementUpdate> _updates = [];

    [Fact]
    public void The_proposal_is_offered_and_settled_without_a_reason()
    {
        var final = SamplePlacements.AwaitingSettlement().With(placement =>
        {
            (placement.Settlement, placement.PayableCents) = (SettlementStatus.Final, 12_000);
            (placement.SettledBy, placement.SettlementDueAt) = (SettlementParty.Partner, null);
        });
        Gateway.Answer(HttpStatusCode.OK, SamplePlacements.Json(final));
        var section = RenderSettling();

        Assert.Equal("120.00", section.Find("#settle-amount").GetAttribute("value"));
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Single(_updates));
        var received = Assert.Single(Gateway.Received);
        Assert.Equal($"/api/placements/{final.Id}/settlement", received.Request.RequestUri!.AbsolutePath);
        Assert.Equal("""{"payableCents":12000}""", received.Body);
        Assert.Equal("Settled. $120.00 will be paid for the hours logged.", _updates[0].Message);
    }

    [Fact]
    public void Paying_less_than_the_proposal_without_a_reason_is_caught_before_anything_is_sent()
    {
        var section = RenderSettling();

        section.Find("#settle-amount").Input("80");
        section.Find("form").Submit();

        Assert.Equal("Give a reason for paying other than the proposal of $120.00.", section.Find("#settle-reason-error").TextContent);
        Assert.Empty(Gateway.Received);
    }

    [Fact]
    public void Less_than_the_proposal_is_sent_with_the_reason()
    {
        Gateway.Answer(HttpStatusCode.OK, SamplePlacements.Json(SamplePlacements.SettledBelowProposal()));
        var section = RenderSettling();

        section.Find("#settle-amount").Input("80");
        section.Find("#settle-reason").Input("Two of the six hours went to a draft we could not use.");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Single(_updates));
        Assert.Equal("""{"payableCents":8000,"reason":"Two of the six hours went to a draft we could not use."}""", Assert.Single(Gateway.Received).Body);
    }

    [Fact]
    public void A_settlement_no_longer_pending_is_refused_in_words()
    {
        Gateway.Answer(HttpStatusCode.Conflict,
            """{"status":409,"code":"settlement_not_pending","detail":"This placement's settlement is escalated; it cannot be settled by the partner now."}""",
            "application/problem+json");
        var section = RenderSettling();

        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Contains("it cannot be settled by the partner now.", section.Find("[role=alert]").TextContent));
        Assert.Empty(_updates);
    }

    [Fact]
    public void The_apis_word_on_the_reason_is_shown_beside_it()
    {
        Gateway.Answer(HttpStatusCode.BadRequest, """{"status":400,"errors":{"reason":["reason must be at most 500 characters."]}}""", "application/problem+json");
        var section = RenderSettling();

        section.Find("#settle-amount").Input("80");
        section.Find("#settle-reason").Input("Too long, as the API sees it.");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Equal("reason must be at most 500 characters.", section.Find("#settle-reason-error").TextContent));
        Assert.Equal("true", section.Find("#settle-reason").GetAttribute("aria-invalid"));
    }

    private IRenderedComponent<SettleSection> RenderSettling() =>
        Render<SettleSection>(parameters => parameters
            .Add(p => p.Placement, SamplePlacements.AwaitingSettlement()).Add(p => p.Role, Roles.Partner).Add(p => p.OnUpdated, _updates.Add));
}
