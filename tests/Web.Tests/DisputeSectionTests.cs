using System.Net;
using MicroInternships.Clients.Placements.Models;
using MicroInternships.Web.Components.Pages.Placements;

namespace MicroInternships.Web.Tests;

/// <summary>The student's dispute of a partner's settlement below the proposal.</summary>
public sealed class DisputeSectionTests() : SignedInComponentTest("student")
{
    private readonly List<PlacementUpdate> _updates = [];

    [Fact]
    public void The_students_reason_is_sent_and_coordinators_take_it_over()
    {
        var disputed = SamplePlacements.Disputed();
        Gateway.Answer(HttpStatusCode.OK, SamplePlacements.Json(disputed));
        var section = RenderDisputing();

        section.Find("#dispute-reason").Input("I logged every hour I worked.");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Single(_updates));
        var received = Assert.Single(Gateway.Received);
        Assert.Equal($"/api/placements/{disputed.Id}/settlement/dispute", received.Request.RequestUri!.AbsolutePath);
        Assert.Equal("""{"reason":"I logged every hour I worked."}""", received.Body);
        Assert.Equal(SettlementStatus.Escalated, _updates[0].Placement.Settlement);
        Assert.StartsWith("Dispute sent.", _updates[0].Message);
    }

    [Fact]
    public void A_dispute_after_the_period_is_refused_in_words()
    {
        Gateway.Answer(HttpStatusCode.Conflict,
            """{"status":409,"code":"settlement_not_disputable","detail":"Only a partner's settlement below the proposal can be disputed, within its dispute period."}""",
            "application/problem+json");
        var section = RenderDisputing();

        section.Find("#dispute-reason").Input("I logged every hour I worked.");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Contains("within its dispute period", section.Find("[role=alert]").TextContent));
        Assert.Empty(_updates);
    }

    [Fact]
    public void The_apis_word_on_the_reason_is_shown_beside_it()
    {
        Gateway.Answer(HttpStatusCode.BadRequest, """{"status":400,"errors":{"reason":["reason must be 1 to 2000 characters."]}}""", "application/problem+json");
        var section = RenderDisputing();

        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Equal("reason must be 1 to 2000 characters.", section.Find("#dispute-reason-error").TextContent));
        Assert.Equal("""{"reason":""}""", Assert.Single(Gateway.Received).Body);
    }

    private IRenderedComponent<DisputeSection> RenderDisputing() =>
        Render<DisputeSection>(parameters => parameters.Add(p => p.Placement, SamplePlacements.SettledBelowProposal()).Add(p => p.OnUpdated, _updates.Add));
}
