using System.Net;
using MicroInternships.Clients.Placements.Models;
using MicroInternships.Web.Components.Pages.Coordinator;
using MicroInternships.Web.Components.Pages.Placements;

namespace MicroInternships.Web.Tests;

/// <summary>Coordinators and settlements: the list of escalated ones, and settling one up to the whole amount.</summary>
public sealed class CoordinatorSettlementTests() : SignedInComponentTest("coordinator")
{
    private readonly PlacementDto _disputed = SamplePlacements.Disputed();

    [Fact]
    public void Escalated_settlements_are_listed_each_with_a_link_to_its_placement()
    {
        Gateway.Answer(HttpStatusCode.OK, $$"""{"items":[{{SamplePlacements.Json(_disputed)}}],"nextCursor":null}""");

        var page = Render<EscalatedSettlements>();

        page.WaitForAssertion(() => Assert.Equal($"/placements/{_disputed.Id}", page.Find("ul.results a").GetAttribute("href")));
        Assert.Equal("/api/placements?limit=50&settlement=escalated", Assert.Single(Gateway.Received).Request.RequestUri!.PathAndQuery);
        Assert.Contains("The student disputed the partner's settlement.", page.Markup);
        Assert.Contains("Partner settled: $80.00", page.Markup);
    }

    [Fact]
    public void A_coordinator_may_pay_more_than_the_proposal_with_a_reason()
    {
        Gateway.Answer(HttpStatusCode.OK, SamplePlacements.Json(_disputed.With(placement =>
            (placement.Settlement, placement.PayableCents, placement.SettledBy) = (SettlementStatus.Final, 20_000, SettlementParty.Coordinator))));
        List<PlacementUpdate> updates = [];
        var section = Render<SettleSection>(parameters => parameters
            .Add(p => p.Placement, _disputed).Add(p => p.Role, Roles.Coordinator).Add(p => p.OnUpdated, updates.Add));

        Assert.Contains("The student disputed the partner's settlement.", section.Markup);
        section.Find("#settle-amount").Input("200");
        section.Find("#settle-reason").Input("The partner asked for extra work outside the listing.");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Single(updates));
        Assert.Equal("""{"payableCents":20000,"reason":"The partner asked for extra work outside the listing."}""", Assert.Single(Gateway.Received).Body);
        Assert.Equal("Settled. $200.00 will be paid for the hours logged.", updates[0].Message);
    }
}
