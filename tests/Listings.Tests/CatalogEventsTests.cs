using System.Net;
using System.Net.Http.Json;
using MicroInternships.Contracts.Listings;
using MicroInternships.Testing;

namespace MicroInternships.Listings.Tests;

/// <summary>
/// Every change to the catalog leaves Listings as one event through the outbox, carrying the aggregate's snapshot with
/// the next version: other services (and the replay) can follow organizations, courses, requests and listings from
/// their first change, drafts included.
/// </summary>
[Collection(ListingsCollection.Name)]
public sealed class CatalogEventsTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task AnOrganizationAndACourse_EachPublishTheirCreation_AtVersion1()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var faculty = $"f-events-{Guid.NewGuid():N}";
        var course = await CreateCourseAsync(faculty);

        Assert.Equal(["1"], await VersionsAsync<OrganizationCreated>("organization", "organizationId", organization));
        Assert.Equal(["1"], await VersionsAsync<CourseCreated>("course", "courseId", course));
        Assert.Equal(faculty, await factory.Database.ScalarAsync<string>(
            $"SELECT payload->'course'->>'facultyId' FROM outbox_messages WHERE payload->'course'->>'courseId' = '{course}'"));
    }

    [Fact]
    public async Task EditingAnOrganizationAndACourse_PublishesEachEdit_WithTheNextVersion_AndOnlyTheirOwnersMayEdit()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var faculty = $"f-events-{Guid.NewGuid():N}";
        var course = await CreateCourseAsync(faculty);

        var renamed = await _scenario.Coordinator.PutAsJsonAsync($"/api/organizations/{organization}", new { name = "Acme Renamed Co", website = "https://acme.example" })
            .ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("Acme Renamed Co", "https://acme.example"), (renamed.GetProperty("name").GetString(), renamed.GetProperty("website").GetString()));
        var edited = await _scenario.Faculty(faculty).PutAsJsonAsync($"/api/courses/{course}", CourseBody(title: "Events course, revised")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("Events course, revised", edited.GetProperty("title").GetString());
        await _scenario.Coordinator.PutAsJsonAsync($"/api/courses/{course}", CourseBody(enrollment: 35)).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(["2"], await VersionsAsync<OrganizationUpdated>("organization", "organizationId", organization));
        Assert.Equal(["2", "3"], await VersionsAsync<CourseUpdated>("course", "courseId", course));
        await _scenario.Faculty().PutAsJsonAsync($"/api/courses/{course}", CourseBody()).ProblemAsync(HttpStatusCode.Forbidden, "not_course_faculty");
        await _scenario.PartnerOf(organization).PutAsJsonAsync($"/api/organizations/{organization}", new { name = "Mine now" })
            .ProblemAsync(HttpStatusCode.Forbidden, "coordinators_only");
        await _scenario.Coordinator.PutAsJsonAsync($"/api/organizations/{Guid.NewGuid()}", new { name = "Nobody" }).ProblemAsync(HttpStatusCode.NotFound, "organization_not_found");
        await _scenario.Faculty(faculty).PutAsJsonAsync($"/api/courses/{course}", new { code = "", title = "x" }).ValidationAsync("code", "title", "term");
        Assert.Equal("35", await factory.Database.ScalarAsync<string>($"SELECT enrollment::text FROM courses WHERE id = '{course}'"));
    }

    [Fact]
    public async Task AListingPublishesEveryChangeFromItsDraft_EachWithTheNextVersion()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var partner = _scenario.PartnerOf(organization);
        var listing = (await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid();
        await partner.PutAsJsonAsync($"/api/listings/{listing}", ListingsScenario.ListingBody(title: "A draft, renamed")).ReadAsync(HttpStatusCode.OK);
        await partner.PostAsync($"/api/listings/{listing}/publish", null).ReadAsync(HttpStatusCode.OK);
        var faculty = $"f-events-{Guid.NewGuid():N}";
        var course = await CreateCourseAsync(faculty);
        await _scenario.Faculty(faculty).PutAsync($"/api/courses/{course}/listings/{listing}", null).ReadAsync(HttpStatusCode.NoContent);
        await _scenario.Faculty(faculty).DeleteAsync($"/api/courses/{course}/listings/{listing}").ReadAsync(HttpStatusCode.NoContent);
        await partner.PostAsync($"/api/listings/{listing}/cancel", null).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(["1"], await VersionsAsync<ListingDrafted>("listing", "listingId", listing));
        Assert.Equal(["2", "4", "5"], await VersionsAsync<ListingUpdated>("listing", "listingId", listing));
        Assert.Equal(["3"], await VersionsAsync<ListingPublished>("listing", "listingId", listing));
        Assert.Equal(["6"], await VersionsAsync<ListingCancelled>("listing", "listingId", listing));
        Assert.Equal(["4"], await LinkVersionsAsync<CourseListingLinked>(listing));
        Assert.Equal(["5"], await LinkVersionsAsync<CourseListingUnlinked>(listing));
    }

    [Fact]
    public async Task ACourseRequest_PublishesItsAsking_AndItsAnswer_WithoutThePartnersMessage()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var listing = await _scenario.CreateOpenListingAsync(organization);
        var faculty = $"f-events-{Guid.NewGuid():N}";
        var course = await CreateCourseAsync(faculty);
        using var asked = await _scenario.PartnerOf(organization).PostAsJsonAsync(
            $"/api/listings/{listing}/course-requests", new { courseId = course, message = "A private note for the professor." });
        var request = (await asked.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _scenario.Faculty(faculty).PostAsync($"/api/course-requests/{request}/decline", null).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(["1"], await VersionsAsync<CourseRequestMade>("request", "requestId", request));
        Assert.Equal(["2"], await VersionsAsync<CourseRequestAnswered>("request", "requestId", request));
        Assert.Equal("declined", await factory.Database.ScalarAsync<string>(
            $"SELECT payload->'request'->>'status' FROM outbox_messages WHERE message_type LIKE '{typeof(CourseRequestAnswered).FullName},%' " +
            $"AND payload->'request'->>'requestId' = '{request}'"));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%A private note for the professor.%'"));
    }

    private async Task<Guid> CreateCourseAsync(string faculty)
    {
        using var response = await _scenario.Faculty(faculty).PostAsJsonAsync("/api/courses", CourseBody());
        return (await response.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static object CourseBody(string title = "Events course", int enrollment = 20) =>
        new { code = "EVT 101", title, term = "Winter 2027", department = "Marketing", disciplines = new[] { "Marketing" }, skills = new[] { "Excel" }, enrollment };

    private Task<string[]> VersionsAsync<TEvent>(string snapshot, string idField, Guid id) =>
        factory.Database.OutboxVersionsAsync<TEvent>(snapshot, idField, id);

    private Task<string[]> LinkVersionsAsync<TEvent>(Guid listing) => factory.Database.OutboxVersionsAsync<TEvent>(null, "listingId", listing);
}
