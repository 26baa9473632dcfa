using System.Net;
using MicroInternships.Clients.Listings.Models;
using MicroInternships.Web.Components.Pages.Listings;

namespace MicroInternships.Web.Tests;

/// <summary>The student's apply form on a listing page.</summary>
public sealed class ApplyFormTests() : SignedInComponentTest("student")
{
    private const string NoApplications = """{"items":[],"nextCursor":null}""";

    [Fact]
    public void The_apis_reason_for_refusing_is_shown_in_words_and_nothing_claims_success()
    {
        Gateway.Answer(HttpStatusCode.OK, NoApplications)
            .Answer(HttpStatusCode.Conflict, """{"status":409,"code":"listing_not_open","detail":"The listing is not taking applications."}""", "application/problem+json");
        var form = Render<ApplyForm>(parameters => parameters.Add(p => p.Listing, OpenListing()));

        form.WaitForElement("#pitch").Input("I ran the campus survey club for two years.");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("The listing is not taking applications.", form.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("Application sent", form.Markup);
        Assert.Equal("""{"listingId":"0193b6a0-0000-7000-8000-0000000000aa","pitch":"I ran the campus survey club for two years."}""",
            Gateway.Received[1].Body);
    }

    [Fact]
    public void A_field_the_api_names_gets_its_message_beside_it()
    {
        Gateway.Answer(HttpStatusCode.OK, NoApplications)
            .Answer(HttpStatusCode.BadRequest, """{"status":400,"errors":{"pitch":["pitch must be at most 2000 characters."]}}""", "application/problem+json");
        var form = Render<ApplyForm>(parameters => parameters.Add(p => p.Listing, OpenListing()));

        form.WaitForElement("#pitch").Input("x");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("pitch must be at most 2000 characters.", form.Find("#pitch-error").TextContent));
        Assert.Equal("true", form.Find("#pitch").GetAttribute("aria-invalid"));
        Assert.Contains("pitch-error", form.Find("#pitch").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void An_empty_pitch_is_caught_before_anything_is_sent()
    {
        Gateway.Answer(HttpStatusCode.OK, NoApplications);
        var form = Render<ApplyForm>(parameters => parameters.Add(p => p.Listing, OpenListing()));

        form.WaitForElement("form").Submit();

        Assert.NotNull(form.Find("#pitch-error"));
        Assert.Single(Gateway.Received);
    }

    [Fact]
    public void A_student_with_an_offer_sees_it_instead_of_the_form()
    {
        Gateway.Answer(HttpStatusCode.OK, $$"""
            {"items":[{"id":"0193b6a0-0000-7000-8000-0000000000bb","listingId":"0193b6a0-0000-7000-8000-0000000000aa","organizationId":"0193b6a0-0000-7000-8000-000000000002",
            "studentId":"student-1","studentName":"A student","courseId":null,"pitch":"p","status":"offered","amountCents":40000,"currency":"USD","estimatedHours":20,
            "submittedAt":"2026-11-20T18:00:00Z","offeredAt":"2026-11-21T18:00:00Z","offerExpiresAt":"2026-11-28T18:00:00Z","decidedAt":null,"version":2}],"nextCursor":null}
            """);

        var form = Render<ApplyForm>(parameters => parameters.Add(p => p.Listing, OpenListing()));

        form.WaitForAssertion(() => Assert.Contains("You have an offer of $400.00", form.Markup));
        Assert.Empty(form.FindAll("#pitch"));
    }

    private static ListingDto OpenListing() => new()
    {
        Id = Guid.Parse("0193b6a0-0000-7000-8000-0000000000aa"),
        OrganizationId = Guid.Parse("0193b6a0-0000-7000-8000-000000000002"),
        OrganizationName = "Cascade Analytics",
        Title = "Loyalty survey",
        Summary = "A survey.",
        Description = "Design and run a survey.",
        Skills = ["survey design"],
        Discipline = "Marketing",
        EstimatedHours = 20,
        Compensation = new Compensation { AmountCents = 40_000, Currency = "USD" },
        Openings = 1,
        FilledCount = 0,
        ApplicationDeadline = DateTimeOffset.UtcNow.AddDays(10),
        WorkMode = WorkMode.Remote,
        Status = ListingStatus.Open,
        CourseIds = [],
        Version = 1,
        CreatedAt = DateTimeOffset.UtcNow,
        PublishedAt = DateTimeOffset.UtcNow,
    };
}
