using System.Net;
using MicroInternships.Clients.Events.Models;
using MicroInternships.Web.Components.Pages.Courses;
using MicroInternships.Web.Components.Pages.Events;

namespace MicroInternships.Web.Tests;

/// <summary>The event page's program: presenters and places on the agenda, sign-ups, and proposals from registrants.</summary>
public sealed class InstituteProgramSectionsTests() : SignedInComponentTest("student")
{
    private static readonly Guid _session = Guid.Parse("0193b6a0-0000-7000-8000-0000000000d1");

    [Fact]
    public void A_session_shows_its_presenters_and_places_and_a_confirmed_registrant_takes_one()
    {
        var institute = WithWorkingSession(SampleEvents.WinterInstitute());
        Gateway.AnswerAt($"/api/events/{institute.Id}/signups/me", HttpStatusCode.OK, "[]");
        Gateway.Answer(HttpStatusCode.Created, $$"""{"id":"0193b6a0-0000-7000-8000-0000000000d9","eventId":"{{institute.Id}}","sessionId":"{{_session}}","status":"signed_up","createdAt":"2026-12-06T00:00:00Z"}""");
        var agenda = Render<AgendaSection>(parameters => parameters.Add(p => p.Event, institute).Add(p => p.Mine, Confirmed(institute)));
        agenda.WaitForAssertion(() => Assert.Contains("Presented by Casey Morgan (Staff)", agenda.Markup));
        Assert.Contains("5 of 20 places left", agenda.Markup);

        agenda.Find("button:not(.secondary)").Click();

        agenda.WaitForAssertion(() => Assert.Contains("Give back my place", agenda.Markup));
        Assert.Equal($"/api/events/{institute.Id}/sessions/{_session}/signups", Gateway.Received.Single(r => r.Request.Method == HttpMethod.Post).Request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public void Someone_not_confirmed_sees_the_places_but_no_button()
    {
        var institute = WithWorkingSession(SampleEvents.WinterInstitute());
        var agenda = Render<AgendaSection>(parameters => parameters.Add(p => p.Event, institute));

        Assert.Contains("5 of 20 places left", agenda.Markup);
        Assert.Empty(agenda.FindAll("button"));
    }

    [Fact]
    public void A_registrant_proposes_a_talk_of_their_roles_type_and_sees_it_listed()
    {
        var institute = SampleEvents.WinterInstitute();
        institute.ProposalsCloseAt = DateTimeOffset.UtcNow.AddDays(5);
        Gateway.AnswerAt($"/api/events/{institute.Id}/proposals", HttpStatusCode.OK, """{"items":[],"nextCursor":null}""");
        Gateway.Answer(HttpStatusCode.Created, $$"""
            {"id":"0193b6a0-0000-7000-8000-0000000000c1","eventId":"{{institute.Id}}","proposerId":"student-1","proposerName":"A student","proposerRole":"student",
            "title":"What a survey taught me","abstract":"Twenty hours of cleaning real survey data, and what it changed.","type":"student_reflection","courseId":null,
            "status":"submitted","decisionNote":null,"decidedAt":null,"sessionId":null,"createdAt":"2026-12-06T00:00:00Z","version":1}
            """);
        var section = Render<ProposalsSection>(parameters => parameters.Add(p => p.Event, institute).Add(p => p.Mine, Confirmed(institute)).Add(p => p.Role, "student"));

        section.Find("#proposal-title").Input("What a survey taught me");
        section.Find("#proposal-abstract").Input("Twenty hours of cleaning real survey data, and what it changed.");
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Contains("Your proposal is sent", section.Markup));
        Assert.Contains("What a survey taught me", section.Find("ul.results").TextContent);
        Assert.Equal(
            """{"abstract":"Twenty hours of cleaning real survey data, and what it changed.","title":"What a survey taught me","type":"student_reflection"}""",
            Gateway.Received.Single(r => r.Request.Method == HttpMethod.Post).Body);
    }

    [Fact]
    public void Without_a_call_for_proposals_the_section_says_so()
    {
        var section = Render<ProposalsSection>(parameters => parameters.Add(p => p.Event, SampleEvents.WinterInstitute()).Add(p => p.Role, "student"));

        Assert.Contains("no call for talk proposals", section.Markup);
        Assert.Empty(Gateway.Received);
    }

    private static EventDto WithWorkingSession(EventDto institute)
    {
        institute.Sessions =
        [
            new SessionDto
            {
                Id = _session, Title = "Working sessions with partners", Kind = SessionKind.Working_session,
                StartsAt = institute.StartsAt, EndsAt = institute.StartsAt?.AddHours(2), Room = "Hall",
                Presenters = [new Presenter { Name = "Casey Morgan", Role = Audience.Staff }], Capacity = 20, PlacesLeft = 5,
            },
        ];
        return institute;
    }

    private static RegistrationDto Confirmed(EventDto institute) => new()
    {
        Id = Guid.Parse("0193b6a0-0000-7000-8000-0000000000f1"),
        EventId = institute.Id,
        AttendeeId = "student-1",
        AttendeeName = "A student",
        Audience = Audience.Student,
        Status = RegistrationStatus.Confirmed,
        Tier = Tier.Early_bird,
        FeeCents = 0,
        CreatedAt = DateTimeOffset.UtcNow,
        Version = 1,
    };
}

/// <summary>A faculty member's page of their course's shared reflections.</summary>
public sealed class CourseReflectionsTests() : SignedInComponentTest("faculty")
{
    [Fact]
    public void Shared_reflections_show_a_name_only_where_the_student_gave_it()
    {
        var course = Guid.Parse("0193b6a0-0000-7000-8000-0000000000b1");
        Gateway.AnswerAt($"/api/courses/{course}", HttpStatusCode.OK, $$"""
            {"id":"{{course}}","facultyId":"faculty-1","facultyName":"A faculty","code":"MKT 301","title":"Marketing research","term":"Winter 2027",
            "department":"Marketing","disciplines":[],"skills":[],"enrollment":30,"createdAt":"2026-11-01T00:00:00Z","version":1}
            """);
        Gateway.AnswerAt("/api/placements/reflections", HttpStatusCode.OK, """
            [{"id":"0193b6a0-0000-7000-8000-0000000000b2","text":"Patience with messy data.","sharing":"anonymous","studentName":null,"placementId":null,
              "listingTitle":"Survey cleanup","createdAt":"2026-11-20T00:00:00Z"},
             {"id":"0193b6a0-0000-7000-8000-0000000000b3","text":"Presenting to a client.","sharing":"named","studentName":"Jordan Lee",
              "placementId":"0193b6a0-0000-7000-8000-0000000000b4","listingTitle":"Survey cleanup","createdAt":"2026-11-21T00:00:00Z"}]
            """);

        var page = Render<CourseReflections>(parameters => parameters.Add(p => p.Id, course));

        page.WaitForAssertion(() => Assert.Contains("MKT 301: shared reflections", page.Markup));
        var items = page.FindAll("ol.results li");
        Assert.Contains("A student (shared anonymously)", items[0].TextContent);
        Assert.Contains("Jordan Lee", items[1].TextContent);
        Assert.Contains($"courseId={course}", Gateway.Received.Single(r => r.Request.RequestUri!.AbsolutePath == "/api/placements/reflections").Request.RequestUri!.Query);
    }
}
