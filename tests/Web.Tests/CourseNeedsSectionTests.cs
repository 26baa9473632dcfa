using System.Net;
using MicroInternships.Web.Components.Pages.CourseNeeds;

namespace MicroInternships.Web.Tests;

/// <summary>A course's faculty member posts what the course needs, and closes a need; the API's refusals show beside the field.</summary>
public sealed class CourseNeedsSectionTests() : SignedInComponentTest("faculty")
{
    private static readonly Guid _course = Guid.Parse("0193b6a0-0000-7000-8000-0000000000c1");

    private static string Need(string status = "open") => $$"""
        {"id":"0193b6a0-0000-7000-8000-0000000000d1","courseId":"{{_course}}","courseCode":"MKT 340","courseTitle":"Marketing Research",
        "facultyId":"faculty-1","facultyName":"A faculty","termStart":"2027-03-29","termEnd":"2027-06-11","projectsWanted":3,"projectsAccepted":1,
        "skills":["survey design"],"disciplines":["Marketing"],"learningOutcomes":"Design and run a survey.","preferredHours":25,"workMode":"remote",
        "status":"{{status}}","version":2,"createdAt":"2026-12-01T00:00:00Z","closedAt":null}
        """;

    [Fact]
    public void The_needs_are_listed_and_a_new_one_is_posted_with_what_was_typed()
    {
        Gateway.Answer(HttpStatusCode.OK, $$"""{"items":[{{Need()}}],"nextCursor":null}""").Answer(HttpStatusCode.Created, Need());
        var section = Render<CourseNeedsSection>(parameters => parameters.Add(p => p.CourseId, _course));
        section.WaitForAssertion(() => Assert.Contains("1 of 3 projects agreed", section.Markup));

        section.Find("#need-start").Change("2027-03-29");
        section.Find("#need-end").Change("2027-06-11");
        section.Find("#need-projects").Change("3");
        section.Find("#need-skills").Change("survey design, statistics");
        section.Find("#need-disciplines").Change("Marketing");
        section.Find("#need-outcomes").Input("Design and run a survey.");
        section.Find("#need-mode").Change("remote");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Contains("Need posted", section.Markup));
        var (request, body) = Gateway.Received[1];
        Assert.Equal($"/api/courses/{_course}/needs", request.RequestUri!.AbsolutePath);
        Assert.Contains("\"termStart\":\"2027-03-29\"", body);
        Assert.Contains("\"skills\":[\"survey design\",\"statistics\"]", body);
        Assert.Contains("\"workMode\":\"remote\"", body);
    }

    [Fact]
    public void A_refused_field_is_named_beside_it()
    {
        Gateway.Answer(HttpStatusCode.OK, """{"items":[],"nextCursor":null}""")
            .Answer(HttpStatusCode.BadRequest, """{"status":400,"code":"validation_failed","errors":{"termEnd":["termEnd has passed."]}}""");
        var section = Render<CourseNeedsSection>(parameters => parameters.Add(p => p.CourseId, _course));
        section.WaitForAssertion(() => Assert.Contains("No need posted", section.Markup));

        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Contains("termEnd has passed.", section.Find("#need-end-error").TextContent));
        Assert.Equal("true", section.Find("#need-end").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Closing_a_need_shows_it_closed()
    {
        Gateway.Answer(HttpStatusCode.OK, $$"""{"items":[{{Need()}}],"nextCursor":null}""").Answer(HttpStatusCode.OK, Need("closed"));
        var section = Render<CourseNeedsSection>(parameters => parameters.Add(p => p.CourseId, _course));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("button.secondary")));

        section.Find("button.secondary").Click();

        section.WaitForAssertion(() => Assert.Contains("Need closed", section.Markup));
        Assert.Empty(section.FindAll("button.secondary"));
        Assert.Equal(HttpMethod.Post, Gateway.Received[1].Request.Method);
    }
}
