using MicroInternships.Web.Components.Pages.Placements;

namespace MicroInternships.Web.Tests;

/// <summary>The settlement of a cancelled placement as the student reads it on the placement page.</summary>
public sealed class SettlementSummaryTests() : SignedInComponentTest("student")
{
    private static readonly TimeZoneInfo _pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public void A_settlement_below_the_proposal_says_until_when_the_student_may_dispute_it()
    {
        var settled = SamplePlacements.SettledBelowProposal();

        var summary = Render<SettlementSummary>(parameters => parameters.Add(p => p.Placement, settled).Add(p => p.Role, Roles.Student));

        Assert.Contains($"The partner settled $80.00, less than the proposal. You can dispute it until {Display.When(settled.SettlementDueAt!.Value, _pacific)}", summary.Markup);
        Assert.Contains("$120.00", summary.Find("dl").TextContent);
        Assert.Contains(settled.SettlementReason!, summary.Find("dl").TextContent);
    }

    [Fact]
    public void A_disputed_settlement_shows_the_dispute_and_that_coordinators_decide()
    {
        var disputed = SamplePlacements.Disputed();

        var summary = Render<SettlementSummary>(parameters => parameters.Add(p => p.Placement, disputed).Add(p => p.Role, Roles.Student));

        Assert.Contains("You disputed the partner's settlement, so coordinators decide what is paid.", summary.Markup);
        Assert.Contains("I logged every hour I worked.", summary.Find("dl").TextContent);
        Assert.Contains("$80.00 (disputed; coordinators decide)", summary.Find("dl").TextContent);
    }
}
