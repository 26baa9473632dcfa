using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Placements;
using MicroInternships.Testing;

namespace MicroInternships.Placements.Tests;

/// <summary>
/// Students choose, per reflection, whether their course's faculty may gather it to present (anonymously or with their
/// name); private is the default, and going back to private takes it off the faculty's page at once.
/// </summary>
[Collection(PlacementsCollection.Name)]
public sealed class SharedReflectionsTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task TheCoursesFaculty_ReadOnlySharedReflections_NamesOnlyWhereNamed_AndPrivateAgainRemovesItAtOnce()
    {
        var (course, first, second) = await TwoPlacementsOfACourseAsync();
        await ReflectAsync(first, 1, "Kept to myself.");
        var anonymous = await ReflectAsync(first, 1, "Cleaning survey data taught me patience.");
        var named = await ReflectAsync(second, 2, "Presenting to a real client was the best part.");
        await ReflectAsync(second, 2, "Faculty note", byFaculty: true);

        Assert.Empty(await SharedAsync(course));
        Assert.Equal("anonymous", (await ShareAsync(first, anonymous, "anonymous", student: 1)).GetProperty("sharing").GetString());
        await ShareAsync(second, named, "named", student: 2);

        var shared = await SharedAsync(course);
        Assert.Equal(["Cleaning survey data taught me patience.", "Presenting to a real client was the best part."], shared.Select(r => r.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Null, shared[0].GetProperty("studentName").ValueKind);
        Assert.Equal(JsonValueKind.Null, shared[0].GetProperty("placementId").ValueKind);
        Assert.False(string.IsNullOrEmpty(shared[1].GetProperty("studentName").GetString()));
        Assert.Equal(JsonValueKind.Null, shared[0].GetProperty("id").ValueKind);
        Assert.Equal(named, shared[1].GetProperty("id").GetGuid());
        Assert.DoesNotContain(shared, r => r.GetProperty("text").GetString() == "Kept to myself.");

        await ShareAsync(second, named, "private", student: 2);
        Assert.Equal(["Cleaning survey data taught me patience."], (await SharedAsync(course)).Select(r => r.GetProperty("text").GetString()));
        Assert.Equal("anonymous,named,private", await _scenario.ScalarAsync<string>($"""
            SELECT string_agg(payload->>'sharing', ',' ORDER BY payload->>'sharing') FROM outbox_messages
            WHERE message_type LIKE '{typeof(ReflectionSharingChanged).FullName},%' AND payload->>'placementId' IN ('{first}', '{second}')
            """));
    }

    [Fact]
    public async Task OnlyTheAuthoringStudentChooses_AndOnlyTheCoursesFacultyReads()
    {
        var (course, first, _) = await TwoPlacementsOfACourseAsync();
        var reflection = await ReflectAsync(first, 1, "Mine to share.");
        var faculties = await ReflectAsync(first, 1, "The faculty's own.", byFaculty: true);
        var sharing = $"/api/placements/{first}/reflections/{reflection}/sharing";

        await _scenario.Student(2).PutAsJsonAsync(sharing, new { sharing = "named" }).ProblemAsync(HttpStatusCode.NotFound, "placement_not_found");
        await _scenario.Faculty(1).PutAsJsonAsync(sharing, new { sharing = "named" }).ProblemAsync(HttpStatusCode.Forbidden, "not_placement_student");
        await _scenario.Student(1).PutAsJsonAsync($"/api/placements/{first}/reflections/{faculties}/sharing", new { sharing = "named" })
            .ProblemAsync(HttpStatusCode.Forbidden, "not_reflection_author");
        await _scenario.Student(1).PutAsJsonAsync(sharing, new { sharing = "everyone" }).ValidationAsync("sharing");
        await _scenario.Student(1).PutAsJsonAsync($"/api/placements/{first}/reflections/{Guid.NewGuid()}/sharing", new { sharing = "named" })
            .ProblemAsync(HttpStatusCode.NotFound, "reflection_not_found");

        await _scenario.Faculty(2).GetAsync($"/api/placements/reflections?courseId={course}").ProblemAsync(HttpStatusCode.Forbidden, "not_course_faculty");
        await _scenario.Student(1).GetAsync($"/api/placements/reflections?courseId={course}").ProblemAsync(HttpStatusCode.Forbidden, "not_course_faculty");
        await _scenario.Partner.GetAsync($"/api/placements/reflections?courseId={course}").ProblemAsync(HttpStatusCode.Forbidden, "not_course_faculty");
        await _scenario.Faculty(1).GetAsync("/api/placements/reflections").ValidationAsync("courseId");
        await _scenario.Coordinator.GetAsync($"/api/placements/reflections?courseId={course}").ReadAsync(HttpStatusCode.OK);
    }

    private async Task<(Guid Course, Guid First, Guid Second)> TwoPlacementsOfACourseAsync()
    {
        var listing = (await _scenario.OpenListingAsync(openings: 2)).ListingId;
        var course = Guid.NewGuid();
        await _scenario.LinkCourseAsync(course, listing, faculty: 1);
        var first = (await _scenario.ActivePlacementAsync(student: 1, listingId: listing, courseId: course)).GetProperty("id").GetGuid();
        var second = (await _scenario.ActivePlacementAsync(student: 2, listingId: listing, courseId: course)).GetProperty("id").GetGuid();
        return (course, first, second);
    }

    private async Task<Guid> ReflectAsync(Guid placement, int student, string text, bool byFaculty = false)
    {
        var author = byFaculty ? _scenario.Faculty(1) : _scenario.Student(student);
        var written = await author.PostJsonAsync($"/api/placements/{placement}/reflections", new { text }).ReadAsync(HttpStatusCode.Created);
        Assert.Equal("private", written.GetProperty("sharing").GetString());
        return written.GetProperty("id").GetGuid();
    }

    private Task<JsonElement> ShareAsync(Guid placement, Guid reflection, string sharing, int student) =>
        _scenario.Student(student).PutAsJsonAsync($"/api/placements/{placement}/reflections/{reflection}/sharing", new { sharing }).ReadAsync(HttpStatusCode.OK);

    private async Task<List<JsonElement>> SharedAsync(Guid course) =>
        [.. (await _scenario.Faculty(1).GetAsync($"/api/placements/reflections?courseId={course}").ReadAsync(HttpStatusCode.OK)).EnumerateArray()];
}
