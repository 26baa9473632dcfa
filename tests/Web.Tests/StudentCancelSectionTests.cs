using System.Net;
using MicroInternships.Web.Components.Pages.Placements;

namespace MicroInternships.Web.Tests;

/// <summary>The student's cancel form: the student never says what is paid, the partner settles it.</summary>
public sealed class StudentCancelSectionTests() : SignedInComponentTest("student")
{
    [Fact]
    public void A_students_cancellation_sends_no_amount_and_leaves_it_to_the_partner()
    {
        Gateway.Answer(HttpStatusCode.OK, SamplePlacements.Json(SamplePlacements.AwaitingSettlement()));
        List<PlacementUpdate> updates = [];
        var section = Render<CancelSection>(parameters => parameters
            .Add(p => p.Placement, SamplePlacements.Active(6m)).Add(p => p.Role, Roles.Student).Add(p => p.OnUpdated, updates.Add));
        section.Find("button.danger").Click();

        Assert.Empty(section.FindAll("#cancel-amount"));
        Assert.Contains("with 6 hours logged, $120.00. The partner may pay less", section.Markup);
        section.Find("#cancel-reason").Input("Exams came earlier than planned.");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Single(updates));
        Assert.Equal("""{"reason":"Exams came earlier than planned."}""", Assert.Single(Gateway.Received).Body);
        Assert.Equal("Placement cancelled. The partner now settles what is paid for the hours logged.", updates[0].Message);
    }
}
