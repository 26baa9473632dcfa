using System.Net;
using System.Security.Claims;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.Web.Components.Pages.Public;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MicroInternships.Web.Tests;

/// <summary>The landing page a visitor who is not signed in reads: the program, its figures, open projects and the next Institute.</summary>
public sealed class VisitorLandingTests : BunitContext
{
    private const string Listings = """
        {"items":[{"id":"0193b6a0-0000-7000-8000-0000000000a1","title":"Loyalty survey","summary":"Run a short survey.","description":"...",
        "organizationName":"Cascade Analytics","skills":["survey design"],"discipline":"Marketing","estimatedHours":25,
        "compensation":{"amountCents":62500,"currency":"USD"},"applicationDeadline":"2027-02-15T23:59:00Z","workMode":"hybrid","location":"Portland",
        "openingsLeft":2,"publishedAt":"2026-12-01T00:00:00Z"}],"nextCursor":null}
        """;

    private const string Events = """
        [{"id":"0193b6a0-0000-7000-8000-0000000000e1","title":"Winter Institute 2027","venue":"Student Union","timeZone":"America/Los_Angeles",
        "startsAt":"2027-01-14T16:00:00Z","endsAt":"2027-01-15T23:30:00Z","registrationOpensAt":"2026-11-01T16:00:00Z",
        "earlyBirdDeadline":"2026-12-19T07:59:00Z","registrationClosesAt":"2027-01-08T07:59:00Z","fees":[],"sessions":[]}]
        """;

    private readonly FakeGateway _gateway = new();

    public VisitorLandingTests()
    {
        Services.AddSingleton(_gateway.ClientFor(new ClaimsPrincipal(new ClaimsIdentity())));
        Services.AddSingleton(new SiteClock(new ProgramCalendar(Options.Create(new ProgramCalendarOptions()), TimeProvider.System), TimeProvider.System));
    }

    [Fact]
    public void Shows_the_figures_it_may_the_open_projects_and_the_next_Institute_with_its_deadlines()
    {
        _gateway.AnswerAt("/api/public/listings", HttpStatusCode.OK, Listings)
            .AnswerAt("/api/public/events", HttpStatusCode.OK, Events)
            .AnswerAt("/api/public/figures", HttpStatusCode.OK, """
                {"asOf":"2026-12-01T00:00:00Z","studentsPlaced":{"value":42,"suppressed":false},"paidCents":{"value":1250000,"suppressed":false},
                "partners":{"value":null,"suppressed":true},"courses":{"value":7,"suppressed":false}}
                """);

        var page = Render<VisitorLanding>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#figures-heading")));
        Assert.Equal(["Students placed", "Paid to students", "Courses"], page.FindAll(".tiles dt").Select(dt => dt.TextContent));
        Assert.Equal(["42", "$12,500", "7"], page.FindAll(".tiles dd").Select(dd => dd.TextContent));
        Assert.Equal("/projects/0193b6a0-0000-7000-8000-0000000000a1", page.Find(".listing-results h3 a").GetAttribute("href"));
        Assert.Contains("Hybrid · Portland", page.Find(".listing-results").TextContent);
        Assert.Equal("Winter Institute 2027", page.Find("#institute-heading").TextContent);
        Assert.Contains("/institute/0193b6a0-0000-7000-8000-0000000000e1", page.Markup);
        Assert.Equal(["/api/public/events", "/api/public/figures", "/api/public/listings"],
            _gateway.Received.Select(r => r.Request.RequestUri!.AbsolutePath).Order());
        Assert.All(_gateway.Received, r => Assert.Null(r.Request.Headers.Authorization));
    }

    [Fact]
    public void Without_figures_or_an_upcoming_Institute_those_sections_are_left_out()
    {
        _gateway.AnswerAt("/api/public/listings", HttpStatusCode.OK, """{"items":[],"nextCursor":null}""")
            .AnswerAt("/api/public/events", HttpStatusCode.OK, "[]")
            .AnswerAt("/api/public/figures", HttpStatusCode.ServiceUnavailable, """{"status":503,"title":"Service Unavailable"}""");

        var page = Render<VisitorLanding>();

        page.WaitForAssertion(() => Assert.Contains("No projects are open right now", page.Markup));
        Assert.Empty(page.FindAll("#figures-heading"));
        Assert.Empty(page.FindAll("#institute-heading"));
        Assert.NotEmpty(page.FindAll("#how-heading"));
    }
}
