using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Listings.Tests;

[Collection(ListingsCollection.Name)]
public sealed class CourseMatchingTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task CreateCourse_AsFaculty_RecordsTheFacultyFromTheToken()
    {
        var faculty = UniqueFaculty();

        var course = await CreateCourseAsync(faculty, ["Marketing"], ["copywriting"]);

        Assert.Equal(faculty, course.GetProperty("facultyId").GetString());
        Assert.Equal($"Test faculty {faculty}", course.GetProperty("facultyName").GetString());
    }

    [Fact]
    public async Task CreateCourse_AsPartner_Returns403_AndInvalidFieldsAre400()
    {
        using var byPartner = await _scenario.PartnerOf(Guid.NewGuid()).PostAsJsonAsync("/api/courses", CourseBody([], []));
        using var invalid = await _scenario.Faculty().PostAsJsonAsync("/api/courses", new { code = "", title = "x", term = "W", enrollment = -1 });

        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        await invalid.ValidationAsync("code", "title", "term", "enrollment");
    }

    /// <summary>Linking a course shows on the listing without a new version of it: the read's tag covers what it shows.</summary>
    [Fact]
    public async Task AConditionalRead_Is304UntilTheListingShowsSomethingNew_EvenWithoutANewVersion()
    {
        var faculty = UniqueFaculty();
        var course = (await CreateCourseAsync(faculty, ["Finance"], ["Excel"])).GetProperty("id").GetGuid();
        var listing = await _scenario.CreateOpenListingAsync(await _scenario.CreateOrganizationAsync());
        var tag = await ReadTagAsync(listing, ifNoneMatch: null, HttpStatusCode.OK);

        await ReadTagAsync(listing, ifNoneMatch: tag, HttpStatusCode.NotModified);
        (await _scenario.Faculty(faculty).PutAsync($"/api/courses/{course}/listings/{listing}", null)).Dispose();
        var afterLink = await ReadTagAsync(listing, ifNoneMatch: tag, HttpStatusCode.OK);

        Assert.NotEqual(tag, afterLink);
        await ReadTagAsync(listing, ifNoneMatch: afterLink, HttpStatusCode.NotModified);
    }

    private async Task<string> ReadTagAsync(Guid listing, string? ifNoneMatch, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/listings/{listing}");
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await _scenario.Coordinator.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true }, $"Cache-Control: {response.Headers.CacheControl}");
        if (expected == HttpStatusCode.NotModified)
        {
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        return response.Headers.ETag!.Tag;
    }

    [Fact]
    public async Task Link_OpenListing_IsIdempotent_AndShowsInCourseIds()
    {
        var faculty = UniqueFaculty();
        var course = (await CreateCourseAsync(faculty, ["Finance"], ["Excel"])).GetProperty("id").GetGuid();
        var listing = await _scenario.CreateOpenListingAsync(await _scenario.CreateOrganizationAsync());

        using var first = await _scenario.Faculty(faculty).PutAsync($"/api/courses/{course}/listings/{listing}", null);
        using var second = await _scenario.Faculty(faculty).PutAsync($"/api/courses/{course}/listings/{listing}", null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal([course], (await _scenario.GetListingAsync(listing)).GetProperty("courseIds").EnumerateArray().Select(c => c.GetGuid()));
        Assert.Equal(1, await _scenario.OutboxCountAsync<CourseListingLinked>(listing));
    }

    [Fact]
    public async Task Unlink_RemovesTheLinkOnce()
    {
        var faculty = UniqueFaculty();
        var course = (await CreateCourseAsync(faculty, ["Finance"], ["Excel"])).GetProperty("id").GetGuid();
        var listing = await _scenario.CreateOpenListingAsync(await _scenario.CreateOrganizationAsync());
        (await _scenario.Faculty(faculty).PutAsync($"/api/courses/{course}/listings/{listing}", null)).Dispose();

        using var first = await _scenario.Faculty(faculty).DeleteAsync($"/api/courses/{course}/listings/{listing}");
        using var second = await _scenario.Faculty(faculty).DeleteAsync($"/api/courses/{course}/listings/{listing}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Empty((await _scenario.GetListingAsync(listing)).GetProperty("courseIds").EnumerateArray());
        Assert.Equal(1, await _scenario.OutboxCountAsync<CourseListingUnlinked>(listing));
    }

    [Fact]
    public async Task Link_ByAnotherFaculty_Returns403_AndADraftCannotBeLinked()
    {
        var faculty = UniqueFaculty();
        var course = (await CreateCourseAsync(faculty, ["Finance"], ["Excel"])).GetProperty("id").GetGuid();
        var organization = await _scenario.CreateOrganizationAsync();
        var open = await _scenario.CreateOpenListingAsync(organization);
        var draft = (await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid();

        using var byOther = await _scenario.Faculty(UniqueFaculty()).PutAsync($"/api/courses/{course}/listings/{open}", null);
        using var linkDraftAsCoordinator = await _scenario.Coordinator.PutAsync($"/api/courses/{course}/listings/{draft}", null);

        await byOther.ProblemAsync(HttpStatusCode.Forbidden, "not_course_faculty");
        await linkDraftAsCoordinator.ProblemAsync(HttpStatusCode.Conflict, "listing_not_open");
    }

    [Fact]
    public async Task CourseMatches_RankBySharedSkillsAndDiscipline_WithSharedTerms()
    {
        var skill = "skill-" + Guid.NewGuid().ToString("N")[..8];
        var other = "other-" + Guid.NewGuid().ToString("N")[..8];
        var discipline = "Discipline " + Guid.NewGuid().ToString("N")[..8];
        var faculty = UniqueFaculty();
        var course = (await CreateCourseAsync(faculty, [discipline], [skill, other])).GetProperty("id").GetGuid();
        var organization = await _scenario.CreateOrganizationAsync();
        var twoSkills = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill.ToUpperInvariant(), other], discipline: "Unrelated"));
        var disciplineAndSkill = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill], discipline: discipline));
        var disciplineOnly = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: ["nothing shared"], discipline: discipline));
        var sooner = await _scenario.CreateOpenListingAsync(organization,
            ListingsScenario.ListingBody(skills: ["nothing shared"], discipline: discipline, deadline: DateTimeOffset.UtcNow.AddDays(3)));
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: ["nothing shared"], discipline: "Unrelated"));
        (await _scenario.Faculty(faculty).PutAsync($"/api/courses/{course}/listings/{twoSkills}", null)).Dispose();

        using var response = await _scenario.Faculty(faculty).GetAsync($"/api/courses/{course}/matches");

        var matches = (await response.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([disciplineAndSkill, twoSkills, sooner, disciplineOnly], matches.Select(m => m.GetProperty("listing").GetProperty("id").GetGuid()));
        Assert.Equal([5, 4, 3, 3], matches.Select(m => m.GetProperty("score").GetInt32()));
        Assert.Equal([skill, discipline], matches[0].GetProperty("sharedTerms").EnumerateArray().Select(t => t.GetString()));
        Assert.False(matches[0].GetProperty("linked").GetBoolean());
        Assert.True(matches[1].GetProperty("linked").GetBoolean());
    }

    [Fact]
    public async Task ListingCourseMatches_ShowPartnersTheFittingCoursesAndTheirFaculty()
    {
        var skill = "skill-" + Guid.NewGuid().ToString("N")[..8];
        var discipline = "Discipline " + Guid.NewGuid().ToString("N")[..8];
        var bigger = (await CreateCourseAsync(UniqueFaculty(), [discipline], [], enrollment: 80)).GetProperty("id").GetGuid();
        var smaller = (await CreateCourseAsync(UniqueFaculty(), [discipline], [], enrollment: 20)).GetProperty("id").GetGuid();
        var best = (await CreateCourseAsync(UniqueFaculty(), [discipline], [skill], enrollment: 5)).GetProperty("id").GetGuid();
        var organization = await _scenario.CreateOrganizationAsync();
        var listing = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill], discipline: discipline));

        using var response = await _scenario.PartnerOf(organization).GetAsync($"/api/listings/{listing}/course-matches");
        using var byOtherPartner = await _scenario.PartnerOf(await _scenario.CreateOrganizationAsync()).GetAsync($"/api/listings/{listing}/course-matches");
        using var byStudent = await _scenario.Student.GetAsync($"/api/listings/{listing}/course-matches");

        var matches = (await response.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([best, bigger, smaller], matches.Select(m => m.GetProperty("course").GetProperty("id").GetGuid()));
        Assert.All(matches, m => Assert.False(m.GetProperty("course").TryGetProperty("email", out _)));
        Assert.StartsWith("f-", matches[0].GetProperty("course").GetProperty("facultyId").GetString());
        await byOtherPartner.ProblemAsync(HttpStatusCode.Forbidden, "not_listing_owner");
        await byStudent.ProblemAsync(HttpStatusCode.Forbidden, "not_listing_owner");
    }

    [Fact]
    public async Task CourseRequest_AcceptedByFaculty_LinksTheListing_AndIsAnsweredOnce()
    {
        var (faculty, course, organization, listing) = await CourseAndOpenListingAsync();
        var partner = _scenario.PartnerOf(organization);

        using var asked = await partner.PostAsJsonAsync($"/api/listings/{listing}/course-requests", new { courseId = course, message = "Would this fit your course?" });
        using var askedAgain = await partner.PostAsJsonAsync($"/api/listings/{listing}/course-requests", new { courseId = course });
        var request = (await asked.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var inbox = await _scenario.Faculty(faculty).GetAsync("/api/course-requests?status=pending");
        using var byPartner = await partner.PostJsonAsync($"/api/course-requests/{request}/accept");
        using var byStudent = await _scenario.Student.PostJsonAsync($"/api/course-requests/{request}/accept");
        using var accepted = await _scenario.Faculty(faculty).PostJsonAsync($"/api/course-requests/{request}/accept");
        using var declinedAfter = await _scenario.Faculty(faculty).PostJsonAsync($"/api/course-requests/{request}/decline");

        await askedAgain.ProblemAsync(HttpStatusCode.Conflict, "request_pending");
        Assert.Equal([request], (await inbox.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        await byPartner.ProblemAsync(HttpStatusCode.Forbidden, "not_course_faculty");
        await byStudent.ProblemAsync(HttpStatusCode.NotFound, "course_request_not_found");
        Assert.Equal("accepted", (await accepted.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        await declinedAfter.ProblemAsync(HttpStatusCode.Conflict, "request_not_pending");
        Assert.Equal([course], (await _scenario.GetListingAsync(listing)).GetProperty("courseIds").EnumerateArray().Select(c => c.GetGuid()));
    }

    [Fact]
    public async Task Unlink_OfAListingCancelledSinceItWasLinked_IsStill204_ForTheCoursesFaculty()
    {
        var (faculty, course, organization, listing) = await CourseAndOpenListingAsync();
        (await _scenario.Faculty(faculty).PutAsync($"/api/courses/{course}/listings/{listing}", null)).Dispose();
        (await _scenario.PartnerOf(organization).PostJsonAsync($"/api/listings/{listing}/cancel")).Dispose();

        using var first = await _scenario.Faculty(faculty).DeleteAsync($"/api/courses/{course}/listings/{listing}");
        using var second = await _scenario.Faculty(faculty).DeleteAsync($"/api/courses/{course}/listings/{listing}");
        using var aDraft = await _scenario.Faculty(faculty).DeleteAsync(
            $"/api/courses/{course}/listings/{(await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(1, await _scenario.OutboxCountAsync<CourseListingUnlinked>(listing));
        await aDraft.ProblemAsync(HttpStatusCode.NotFound, "listing_not_found");
    }

    /// <summary>Two answers read the request while pending; the later save must fail, not overwrite the first.</summary>
    [Fact]
    public async Task CourseRequest_AnsweredTwiceAtOnce_KeepsTheFirstAnswer()
    {
        var (faculty, course, organization, listing) = await CourseAndOpenListingAsync();
        using var asked = await _scenario.PartnerOf(organization).PostAsJsonAsync($"/api/listings/{listing}/course-requests", new { courseId = course });
        var id = (await asked.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await using var acceptScope = factory.Services.CreateAsyncScope();
        await using var declineScope = factory.Services.CreateAsyncScope();
        var acceptDb = acceptScope.ServiceProvider.GetRequiredService<ListingsDbContext>();
        var declineDb = declineScope.ServiceProvider.GetRequiredService<ListingsDbContext>();
        var toAccept = await acceptDb.CourseRequests.SingleAsync(r => r.Id == id);
        var toDecline = await declineDb.CourseRequests.SingleAsync(r => r.Id == id);

        toAccept.Decide(accept: true, declineNote: null, DateTimeOffset.UtcNow);
        await acceptDb.SaveChangesAsync();
        toDecline.Decide(accept: false, declineNote: null, DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => declineDb.SaveChangesAsync());
        Assert.Equal("accepted", await factory.Database.ScalarAsync<string>($"SELECT status FROM course_requests WHERE id = '{id}'"));
    }

    [Fact]
    public async Task CourseRequest_ForUnknownCourse_Returns400_AndStudentsCannotList()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var listing = await _scenario.CreateOpenListingAsync(organization);

        using var unknown = await _scenario.PartnerOf(organization).PostAsJsonAsync($"/api/listings/{listing}/course-requests", new { courseId = Guid.NewGuid() });
        using var byStudent = await _scenario.Student.GetAsync("/api/course-requests");

        await unknown.ValidationAsync("courseId");
        await byStudent.ProblemAsync(HttpStatusCode.Forbidden, "not_involved");
    }

    private async Task<JsonElement> CreateCourseAsync(string faculty, string[] disciplines, string[] skills, int enrollment = 30)
    {
        using var response = await _scenario.Faculty(faculty).PostAsJsonAsync("/api/courses", CourseBody(disciplines, skills, enrollment));
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    private static object CourseBody(string[] disciplines, string[] skills, int enrollment = 30) =>
        new { code = "TEST 101", title = "A test course", term = "Winter 2027", department = "Business", disciplines, skills, enrollment };

    /// <summary>A new faculty member's course, and an open listing of a new organization, for the two to meet.</summary>
    private async Task<(string Faculty, Guid Course, Guid Organization, Guid Listing)> CourseAndOpenListingAsync()
    {
        var faculty = UniqueFaculty();
        var course = (await CreateCourseAsync(faculty, ["Finance"], ["Excel"])).GetProperty("id").GetGuid();
        var organization = await _scenario.CreateOrganizationAsync();
        return (faculty, course, organization, await _scenario.CreateOpenListingAsync(organization));
    }

    private static string UniqueFaculty() => "f-" + Guid.NewGuid().ToString("N")[..12];
}
