using System.Net;
using System.Text.Json;
using MicroInternships.Contracts.Listings;

namespace MicroInternships.Placements.Tests;

/// <summary>A student sees their own, a partner its organization's, faculty their courses', a coordinator all; everyone else gets 404.</summary>
[Collection(PlacementsCollection.Name)]
public sealed class VisibilityTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task APlacementThroughACourse_IsSeenByItsParties_AndNobodyElse()
    {
        var listing = (await _scenario.OpenListingAsync(openings: 2)).ListingId;
        var course = Guid.NewGuid();
        await _scenario.LinkCourseAsync(course, listing, faculty: 1);
        var placement = (await _scenario.ActivePlacementAsync(listingId: listing, courseId: course)).GetProperty("id").GetGuid();

        foreach (var viewer in new[] { _scenario.Student(1), _scenario.Partner, _scenario.Faculty(1), _scenario.Coordinator })
        {
            using var get = await viewer.GetAsync($"/api/placements/{placement}");
            await get.ReadAsync(HttpStatusCode.OK);
            Assert.Contains(placement, await ListedAsync(viewer, "/api/placements?limit=100"));
        }

        foreach (var stranger in new[] { _scenario.Student(2), _scenario.OtherPartner, _scenario.Faculty(2) })
        {
            using var get = await stranger.GetAsync($"/api/placements/{placement}");
            await get.ProblemAsync(HttpStatusCode.NotFound, "placement_not_found");
            using var timeSheet = await stranger.GetAsync($"/api/placements/{placement}/time-entries");
            await timeSheet.ProblemAsync(HttpStatusCode.NotFound, "placement_not_found");
            Assert.DoesNotContain(placement, await ListedAsync(stranger, "/api/placements?limit=100"));
        }
    }

    /// <summary>Unlinking stops new applications through the course; the faculty member keeps following the students who started through it.</summary>
    [Fact]
    public async Task AfterTheCourseIsUnlinked_ItsFacultyStillSeesThePlacement()
    {
        var listing = (await _scenario.OpenListingAsync(openings: 2)).ListingId;
        var course = Guid.NewGuid();
        await _scenario.LinkCourseAsync(course, listing, faculty: 1);
        var placement = (await _scenario.ActivePlacementAsync(listingId: listing, courseId: course)).GetProperty("id").GetGuid();

        await _scenario.PublishAndWaitAsync(new CourseListingUnlinked(course, listing, _scenario.FacultyId(1), "Dr. Test", "BUS-101", DateTimeOffset.UtcNow, Version: 3));

        using var get = await _scenario.Faculty(1).GetAsync($"/api/placements/{placement}");
        await get.ReadAsync(HttpStatusCode.OK);
        Assert.Contains(placement, await ListedAsync(_scenario.Faculty(1), "/api/placements?limit=100"));
        using var throughTheCourse = await _scenario.Student(2).PostJsonAsync("/api/applications", new { listingId = listing, pitch = "Hi", courseId = course });
        await throughTheCourse.ValidationAsync("courseId");
    }

    [Fact]
    public async Task Applications_AreListedPerRole()
    {
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var course = Guid.NewGuid();
        await _scenario.LinkCourseAsync(course, listing, faculty: 1);
        var throughCourse = (await _scenario.ApplyAsync(listing, student: 1, courseId: course)).GetProperty("id").GetGuid();
        var direct = (await _scenario.ApplyAsync(listing, student: 2)).GetProperty("id").GetGuid();

        Assert.Equal([throughCourse], await ListedAsync(_scenario.Student(1), $"/api/applications?listingId={listing}"));
        Assert.Equal([direct, throughCourse], await ListedAsync(_scenario.Partner, $"/api/applications?listingId={listing}"));
        Assert.Equal([throughCourse], await ListedAsync(_scenario.Faculty(1), $"/api/applications?listingId={listing}"));
        Assert.Empty(await ListedAsync(_scenario.Faculty(2), $"/api/applications?listingId={listing}"));
        Assert.Empty(await ListedAsync(_scenario.OtherPartner, $"/api/applications?listingId={listing}"));
        Assert.Equal([direct, throughCourse], await ListedAsync(_scenario.Coordinator, $"/api/applications?listingId={listing}"));
    }

    [Fact]
    public async Task Reflections_AreForTheStudentAndTheCoursesFaculty_NotThePartner()
    {
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var course = Guid.NewGuid();
        await _scenario.LinkCourseAsync(course, listing, faculty: 1);
        var placement = (await _scenario.ActivePlacementAsync(listingId: listing, courseId: course)).GetProperty("id").GetGuid();
        var url = $"/api/placements/{placement}/reflections";

        using var byStudent = await _scenario.Student().PostJsonAsync(url, new { text = "I learned to clean survey data." });
        await byStudent.ReadAsync(HttpStatusCode.Created);
        using var byFaculty = await _scenario.Faculty(1).PostJsonAsync(url, new { text = "Applied the course's methods well." });
        Assert.Equal("faculty", (await byFaculty.ReadAsync(HttpStatusCode.Created)).GetProperty("authorRole").GetString());
        using var byPartner = await _scenario.Partner.PostJsonAsync(url, new { text = "Hi" });
        await byPartner.ProblemAsync(HttpStatusCode.Forbidden, "not_placement_reflector");
        using var empty = await _scenario.Student().PostJsonAsync(url, new { text = " " });
        await empty.ValidationAsync("text");

        using var list = await _scenario.Faculty(1).GetAsync(url);
        Assert.Equal(2, (await list.ReadAsync(HttpStatusCode.OK)).GetArrayLength());
        using var partnerReads = await _scenario.Partner.GetAsync(url);
        await partnerReads.ProblemAsync(HttpStatusCode.Forbidden, "reflections_not_visible");
    }

    [Fact]
    public async Task NoToken_Is401_AndANonGuidIdIs404()
    {
        using var anonymous = await _scenario.Anonymous.GetAsync("/api/placements");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var notAGuid = await _scenario.Coordinator.GetAsync("/api/placements/123");
        Assert.Equal(HttpStatusCode.NotFound, notAGuid.StatusCode);
    }

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var page = await response.ReadAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }
}
