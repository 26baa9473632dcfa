using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Listings;

namespace MicroInternships.Listings.Tests;

/// <summary>Faculty post what their courses need; partners find the needs their listings fit, propose, and faculty answer.</summary>
[Collection(ListingsCollection.Name)]
public sealed class CourseNeedTests(ListingsFactory factory)
{
    private static readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task TheCoursesFaculty_PostsANeed_ThatShowsTheirIdAndNameOnly()
    {
        var (faculty, course) = await CourseAsync(["Marketing"], ["copywriting"]);

        var need = await PostNeedAsync(faculty, course, NeedBody(skills: ["survey design"], disciplines: ["Marketing"], projects: 2));

        Assert.Equal("open", need.GetProperty("status").GetString());
        Assert.Equal(faculty, need.GetProperty("facultyId").GetString());
        Assert.Equal($"Test faculty {faculty}", need.GetProperty("facultyName").GetString());
        Assert.Equal("TEST 101", need.GetProperty("courseCode").GetString());
        Assert.Equal(2, need.GetProperty("projectsWanted").GetInt32());
        Assert.Equal(0, need.GetProperty("projectsAccepted").GetInt32());
        Assert.False(need.TryGetProperty("facultyEmail", out _));
        using var read = await _scenario.PartnerOf(Guid.NewGuid()).GetAsync($"/api/course-needs/{need.GetProperty("id").GetGuid()}");
        Assert.Equal(need.GetProperty("learningOutcomes").GetString(), (await read.ReadAsync(HttpStatusCode.OK)).GetProperty("learningOutcomes").GetString());
        Assert.Equal(1, await OutboxCountAsync<CourseNeedPosted>(need.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task ABadNeed_Is400NamingEachField_AndNothingIsWritten_WhileAnotherFacultyMemberIs403()
    {
        var (faculty, course) = await CourseAsync(["Marketing"], ["copywriting"]);
        var before = await NeedCountAsync(course);

        using var invalid = await _scenario.Faculty(faculty).PostAsJsonAsync($"/api/courses/{course}/needs", new
        {
            termStart = _today.AddDays(10),
            termEnd = _today.AddDays(5),
            projectsWanted = 0,
            skills = Array.Empty<string>(),
            disciplines = Array.Empty<string>(),
            learningOutcomes = "",
            preferredHours = 90,
        });
        using var past = await _scenario.Faculty(faculty).PostAsJsonAsync($"/api/courses/{course}/needs",
            NeedBody(skills: ["x"], start: _today.AddDays(-100), end: _today.AddDays(-2)));
        using var badDate = await _scenario.Faculty(faculty).PostAsJsonAsync($"/api/courses/{course}/needs", new { termStart = "next spring" });
        using var stranger = await _scenario.Faculty().PostAsJsonAsync($"/api/courses/{course}/needs", NeedBody(skills: ["x"]));
        using var student = await _scenario.Student.GetAsync($"/api/courses/{course}/needs");

        await invalid.ValidationAsync("termEnd", "projectsWanted", "skills", "learningOutcomes", "preferredHours");
        await past.ValidationAsync("termEnd");
        await badDate.ValidationAsync("termStart");
        await stranger.ProblemAsync(HttpStatusCode.Forbidden, "not_course_faculty");
        await student.ProblemAsync(HttpStatusCode.Forbidden, "not_involved");
        Assert.Equal(before, await NeedCountAsync(course));
    }

    [Fact]
    public async Task Matches_RankThreeNeedsOfDifferentFit_InTheDocumentedOrder()
    {
        var (skillA, skillB, discipline) = (Unique(), Unique(), Unique());
        var organization = await _scenario.CreateOrganizationAsync();
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skillA, skillB], discipline: discipline));
        var (faculty, course) = await CourseAsync(["Marketing"], ["copywriting"]);

        // 2 × 2 skills + 3 discipline = 7, its term months away; 3 + 2 (term within 60 days) = 5; 2 + 2 = 4; nothing shared: not a match.
        var best = await NeedIdAsync(faculty, course, NeedBody(skills: [skillA, skillB], disciplines: [discipline], start: _today.AddDays(120), end: _today.AddDays(200)));
        var second = await NeedIdAsync(faculty, course, NeedBody(skills: ["unrelated"], disciplines: [discipline], start: _today.AddDays(10), end: _today.AddDays(90)));
        var third = await NeedIdAsync(faculty, course, NeedBody(skills: [skillB.ToUpperInvariant()], start: _today.AddDays(10), end: _today.AddDays(90)));
        var none = await NeedIdAsync(faculty, course, NeedBody(skills: [Unique()], start: _today.AddDays(10), end: _today.AddDays(90)));

        using var response = await _scenario.PartnerOf(organization).GetAsync("/api/course-needs/matches");
        var matches = (await response.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        var mine = matches.Where(m => m.GetProperty("need").GetProperty("courseId").GetGuid() == course).ToList();

        Assert.Equal([best, second, third], mine.Select(m => m.GetProperty("need").GetProperty("id").GetGuid()));
        Assert.Equal([7, 5, 4], mine.Select(m => m.GetProperty("score").GetInt32()));
        Assert.Equal([skillA, skillB, discipline], mine[0].GetProperty("sharedTerms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([false, true, true], mine.Select(m => m.GetProperty("termStartsSoon").GetBoolean()));
        Assert.DoesNotContain(matches, m => m.GetProperty("need").GetProperty("id").GetGuid() == none);
    }

    [Fact]
    public async Task Matches_ArePartnersForTheirOwnOrganization_CoordinatorsForAnyOrAll_AndNotStudents()
    {
        var (faculty, course) = await CourseAsync(["Marketing"], ["copywriting"]);
        var need = await NeedIdAsync(faculty, course, NeedBody(skills: [Unique()]));
        var organization = await _scenario.CreateOrganizationAsync();

        using var all = await _scenario.Coordinator.GetAsync("/api/course-needs/matches?limit=100");
        using var forOrganization = await _scenario.Coordinator.GetAsync($"/api/course-needs/matches?organizationId={organization}");
        using var otherOrganization = await _scenario.PartnerOf(organization).GetAsync($"/api/course-needs/matches?organizationId={Guid.NewGuid()}");
        using var student = await _scenario.Student.GetAsync("/api/course-needs/matches");

        Assert.Contains((await all.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), m => m.GetProperty("need").GetProperty("id").GetGuid() == need);
        Assert.Empty((await forOrganization.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        await otherOrganization.ProblemAsync(HttpStatusCode.Forbidden, "not_your_organization");
        await student.ProblemAsync(HttpStatusCode.Forbidden, "not_involved");
    }

    [Fact]
    public async Task APartnerProposesAListing_TheFacultyAccepts_TheListingIsLinked_AndTheNeedFills()
    {
        var skill = Unique();
        var organization = await _scenario.CreateOrganizationAsync();
        var listing = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill]));
        var other = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill]));
        var (faculty, course) = await CourseAsync(["Marketing"], ["copywriting"]);
        var need = await NeedIdAsync(faculty, course, NeedBody(skills: [skill], projects: 1));

        var proposal = await ProposeAsync(organization, listing, need);
        using var again = await _scenario.PartnerOf(organization).PostAsJsonAsync($"/api/listings/{listing}/course-requests", new { needId = need });
        await again.ProblemAsync(HttpStatusCode.Conflict, "request_pending");
        Assert.Equal(course, proposal.GetProperty("courseId").GetGuid());
        Assert.Equal(need, proposal.GetProperty("needId").GetGuid());

        using var accepted = await _scenario.Faculty(faculty).PostAsync($"/api/course-requests/{proposal.GetProperty("id").GetGuid()}/accept", null);
        await accepted.ReadAsync(HttpStatusCode.OK);

        Assert.Contains(course, (await _scenario.GetListingAsync(listing)).GetProperty("courseIds").EnumerateArray().Select(c => c.GetGuid()));
        var filled = await GetNeedAsync(need);
        Assert.Equal("filled", filled.GetProperty("status").GetString());
        Assert.Equal(1, filled.GetProperty("projectsAccepted").GetInt32());
        Assert.Equal(1, await OutboxCountAsync<CourseNeedUpdated>(need));
        using var late = await _scenario.PartnerOf(organization).PostAsJsonAsync($"/api/listings/{other}/course-requests", new { needId = need });
        await late.ProblemAsync(HttpStatusCode.Conflict, "need_not_open");
    }

    [Fact]
    public async Task TheFacultyDeclinesWithANote_ThePartnerReadsIt_AndNoEventCarriesIt()
    {
        var skill = Unique();
        var organization = await _scenario.CreateOrganizationAsync();
        var listing = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill]));
        var (faculty, course) = await CourseAsync(["Marketing"], ["copywriting"]);
        var need = await NeedIdAsync(faculty, course, NeedBody(skills: [skill]));
        var proposal = (await ProposeAsync(organization, listing, need)).GetProperty("id").GetGuid();
        var note = $"Not this term, sorry {Unique()}";

        using var declined = await _scenario.Faculty(faculty).PostAsJsonAsync($"/api/course-requests/{proposal}/decline", new { note });
        await declined.ReadAsync(HttpStatusCode.OK);
        using var seen = await _scenario.PartnerOf(organization).GetAsync("/api/course-requests?status=declined");

        var request = Assert.Single((await seen.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal(note, request.GetProperty("declineNote").GetString());
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%{note}%'"));
        Assert.Equal("open", (await GetNeedAsync(need)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnOrganization_HasAtMostTenRequestsWaiting()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var (faculty, course) = await CourseAsync(["Marketing"], ["copywriting"]);
        var need = await NeedIdAsync(faculty, course, NeedBody(skills: [Unique()], projects: 20));
        for (var i = 0; i < 10; i++)
        {
            await ProposeAsync(organization, await _scenario.CreateOpenListingAsync(organization), need);
        }

        var eleventh = await _scenario.CreateOpenListingAsync(organization);
        using var refused = await _scenario.PartnerOf(organization).PostAsJsonAsync($"/api/listings/{eleventh}/course-requests", new { needId = need });

        await refused.ProblemAsync(HttpStatusCode.Conflict, "too_many_pending_requests");
    }

    [Fact]
    public async Task AProposalNamingAnotherCourseThanItsNeeds_OrAnUnknownNeed_Is400()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var listing = await _scenario.CreateOpenListingAsync(organization);
        var (faculty, course) = await CourseAsync(["Marketing"], ["copywriting"]);
        var (_, otherCourse) = await CourseAsync(["Marketing"], ["copywriting"]);
        var need = await NeedIdAsync(faculty, course, NeedBody(skills: [Unique()]));

        using var mismatch = await _scenario.PartnerOf(organization).PostAsJsonAsync($"/api/listings/{listing}/course-requests", new { needId = need, courseId = otherCourse });
        using var unknown = await _scenario.PartnerOf(organization).PostAsJsonAsync($"/api/listings/{listing}/course-requests", new { needId = Guid.NewGuid() });

        await mismatch.ValidationAsync("courseId");
        await unknown.ValidationAsync("needId");
    }

    [Fact]
    public async Task TheFacultyClosesANeed_OnceOnly_AndNoOneElseMay()
    {
        var (faculty, course) = await CourseAsync(["Marketing"], ["copywriting"]);
        var need = await NeedIdAsync(faculty, course, NeedBody(skills: [Unique()]));

        using var stranger = await _scenario.Faculty().PostAsync($"/api/course-needs/{need}/close", null);
        using var closed = await _scenario.Faculty(faculty).PostAsync($"/api/course-needs/{need}/close", null);
        using var again = await _scenario.Faculty(faculty).PostAsync($"/api/course-needs/{need}/close", null);

        await stranger.ProblemAsync(HttpStatusCode.Forbidden, "not_course_faculty");
        Assert.Equal("closed", (await closed.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        await again.ProblemAsync(HttpStatusCode.Conflict, "need_not_open");
    }

    [Fact]
    public async Task ACourseWithAnOpenNeedTheListingFits_RanksAboveAnEqualCourseWithout()
    {
        var (skill, discipline) = (Unique(), Unique());
        var organization = await _scenario.CreateOrganizationAsync();
        var listing = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill], discipline: discipline));
        var (_, without) = await CourseAsync([discipline], [skill], enrollment: 500);
        var (faculty, with) = await CourseAsync([discipline], [skill], enrollment: 10);
        var need = await NeedIdAsync(faculty, with, NeedBody(skills: [skill]));

        using var response = await _scenario.PartnerOf(organization).GetAsync($"/api/listings/{listing}/course-matches");
        var matches = (await response.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("course").GetProperty("id").GetGuid() is var id && (id == with || id == without)).ToList();

        Assert.Equal([with, without], matches.Select(m => m.GetProperty("course").GetProperty("id").GetGuid()));
        Assert.Equal([9, 5], matches.Select(m => m.GetProperty("score").GetInt32()));
        Assert.Equal(need, matches[0].GetProperty("openNeedId").GetGuid());
        Assert.Equal(JsonValueKind.Null, matches[1].GetProperty("openNeedId").ValueKind);
    }

    private static object NeedBody(string[]? skills = null, string[]? disciplines = null, int projects = 2, DateOnly? start = null, DateOnly? end = null) => new
    {
        termStart = start ?? _today.AddDays(30),
        termEnd = end ?? _today.AddDays(120),
        projectsWanted = projects,
        skills = skills ?? [],
        disciplines = disciplines ?? [],
        learningOutcomes = "Students design, run and present a real project for a client.",
        preferredHours = 25,
        workMode = "remote",
    };

    private async Task<(string Faculty, Guid Course)> CourseAsync(string[] disciplines, string[] skills, int enrollment = 30)
    {
        var faculty = "f-" + Guid.NewGuid().ToString("N")[..12];
        using var response = await _scenario.Faculty(faculty).PostAsJsonAsync("/api/courses",
            new { code = "TEST 101", title = "A test course", term = "Winter 2027", department = "Business", disciplines, skills, enrollment });
        return (faculty, (await response.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
    }

    private async Task<JsonElement> PostNeedAsync(string faculty, Guid course, object body)
    {
        using var response = await _scenario.Faculty(faculty).PostAsJsonAsync($"/api/courses/{course}/needs", body);
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    private async Task<Guid> NeedIdAsync(string faculty, Guid course, object body) => (await PostNeedAsync(faculty, course, body)).GetProperty("id").GetGuid();

    private async Task<JsonElement> GetNeedAsync(Guid need)
    {
        using var response = await _scenario.Coordinator.GetAsync($"/api/course-needs/{need}");
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    private async Task<JsonElement> ProposeAsync(Guid organization, Guid listing, Guid need)
    {
        using var response = await _scenario.PartnerOf(organization).PostAsJsonAsync($"/api/listings/{listing}/course-requests",
            new { needId = need, message = "Our project fits your course's need." });
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    private Task<long> NeedCountAsync(Guid course) => factory.Database.ScalarAsync<long>($"SELECT count(*) FROM course_needs WHERE course_id = '{course}'");

    private Task<long> OutboxCountAsync<TEvent>(Guid need) => factory.Database.ScalarAsync<long>(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(TEvent).FullName},%' AND payload->'need'->>'needId' = '{need}'");

    private static string Unique() => "t" + Guid.NewGuid().ToString("N")[..10];
}
