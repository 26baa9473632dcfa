using System.Net;
using MicroInternships.Web.Components.Pages.Placements;

namespace MicroInternships.Web.Tests;

/// <summary>The student's time sheet on a placement page.</summary>
public sealed class TimeSheetSectionTests() : SignedInComponentTest("student")
{
    private const string EmptySheet = """{"items":[],"totalHours":0,"estimatedHours":20}""";

    /// <summary>
    /// The note is bound as it is typed: bound on change, it reached the server only when the field lost focus,
    /// and a click on "Log hours" right after typing once saved the entry without it (seen in CI's browser test).
    /// </summary>
    [Fact]
    public void A_note_typed_just_before_logging_is_sent_with_the_hours()
    {
        Gateway.Answer(HttpStatusCode.OK, EmptySheet)
            .Answer(HttpStatusCode.Created, """{"id":"0193b6a0-0000-7000-8000-0000000000ee","date":"2026-11-29","hours":6.5,"note":"Drafted the questionnaire.","createdAt":"2026-11-29T18:00:00Z"}""");
        var section = RenderLoggable();

        section.WaitForElement("#entry-date").Change("2026-11-29");
        section.Find("#entry-hours").Change("6.5");
        section.Find("#entry-note").Input("Drafted the questionnaire.");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Equal(2, Gateway.Received.Count));
        Assert.Equal("""{"date":"2026-11-29","hours":6.5,"note":"Drafted the questionnaire."}""", Gateway.Received[1].Body);
    }

    [Fact]
    public void Hours_left_empty_are_caught_before_anything_is_sent()
    {
        Gateway.Answer(HttpStatusCode.OK, EmptySheet);
        var section = RenderLoggable();

        section.WaitForElement("#entry-note").Input("Drafted the questionnaire.");
        section.Find("form").Submit();

        Assert.NotNull(section.Find("#entry-hours-error"));
        Assert.Single(Gateway.Received);
    }

    private IRenderedComponent<TimeSheetSection> RenderLoggable() =>
        Render<TimeSheetSection>(parameters => parameters.Add(p => p.Placement, SamplePlacements.Active()).Add(p => p.CanLog, true));
}
