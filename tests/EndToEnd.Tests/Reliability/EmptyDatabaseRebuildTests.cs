using System.Net;
using System.Text.Json;
using MicroInternships.Hosting;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Placements' database lost whole: started again on an empty one, Placements asks the other services for their
/// history and rebuilds its copies of listings and course links to exactly what it had, with no one's help.
/// </summary>
[Collection(BreakableSystemCollection.Name)]
public sealed class EmptyDatabaseRebuildTests(SystemFixture system, ITestOutputHelper output)
{
    // What Placements copies of a listing; not filled_count, which it counts from its own placements (lost with them).
    private const string Copies = """
        SELECT coalesce((SELECT string_agg(concat_ws(':', id, version, status, title, openings, amount_cents, application_deadline), ',' ORDER BY id) FROM listings), '')
            || '|' || coalesce((SELECT string_agg(concat_ws(':', course_id, listing_id, linked, version), ',' ORDER BY course_id, listing_id) FROM course_links), '')
        """;

    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task Placements_StartedOnAnEmptyDatabase_RebuildsItsListingCopiesAndCourseLinks_ByReplay()
    {
        var (courseId, linkedListing) = await HistoryAsync();
        var before = await system.App.ScalarAsync<string>(ResourceNames.PlacementsDb, Copies);
        var faults = new SystemFaults(system.App);

        var instances = await faults.KillAllAsync(ResourceNames.PlacementsApi);
        await system.App.DropDatabaseAsync(ResourceNames.PlacementsDb);
        foreach (var instance in instances)
        {
            await faults.RestartAsync(ResourceNames.PlacementsApi, instance);
        }

        await Eventually.HoldsAsync(
            async () => await system.App.ScalarAsync<string>(ResourceNames.PlacementsDb, Copies) == before,
            $"Placements' copies are what they were before its database was lost ({before})", timeout: TimeSpan.FromMinutes(2),
            state: async () => await system.App.ScalarAsync<string>(ResourceNames.PlacementsDb, Copies));
        output.WriteLine($"{before.Split('|')[0].Split(',').Length} listing copies and {before.Split('|')[1].Split(',').Length} course links rebuilt");

        // It works on them again: a student of the course applies through the rebuilt link.
        var student = await _calls.ClientAsync(new { sub = $"s-rebuild-{courseId}", role = "student", name = "Robin" });
        await GatewayCalls.SendAsync(student, HttpMethod.Post, "/api/applications",
            new { listingId = linkedListing, pitch = "Through the course, after the rebuild.", courseId }, HttpStatusCode.Created);
    }

    /// <summary>On top of the sample data: a course linked to one new listing, and another listing published then cancelled.</summary>
    private async Task<(string CourseId, string ListingId)> HistoryAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await _calls.ClientAsync(new { sub = "c-rebuild", role = "coordinator", name = "Casey" });
        var organization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations",
            new { name = $"Rebuild Co {suffix}", website = "https://rebuild.example" }, HttpStatusCode.Created);
        var partner = await _calls.ClientAsync(new { sub = $"p-{suffix}", role = "partner", name = "Pat", org = organization.GetProperty("id").GetString() });
        var faculty = await _calls.ClientAsync(new { sub = $"f-{suffix}", role = "faculty", name = "Dr. Flores" });
        var course = await GatewayCalls.SendAsync(faculty, HttpMethod.Post, "/api/courses", new
        {
            code = $"REB-{suffix}", title = "Recovering Systems", term = "Winter 2027", department = "Computer Science",
            disciplines = new[] { "Marketing" }, skills = new[] { "testing" }, enrollment = 20,
        }, HttpStatusCode.Created);
        var courseId = course.GetProperty("id").GetString()!;

        var linked = await GatewayCalls.PublishedListingAsync(partner, $"Linked listing {suffix}", "testing");
        await GatewayCalls.SendAsync(faculty, HttpMethod.Put, $"/api/courses/{courseId}/listings/{linked}", expected: HttpStatusCode.NoContent);
        var cancelled = await GatewayCalls.PublishedListingAsync(partner, $"Cancelled listing {suffix}", "testing");
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/listings/{cancelled}/cancel");

        await Eventually.HoldsAsync(async () => await system.App.ScalarAsync<long>(ResourceNames.PlacementsDb,
            $"SELECT (SELECT count(*) FROM course_links WHERE course_id = '{courseId}' AND linked) + (SELECT count(*) FROM listings WHERE id = '{cancelled}' AND status = 'cancelled')") == 2
            && await CopiesCaughtUpAsync(),
            "Placements heard of the link and the cancellation, and every copy it holds is at Listings' version", timeout: TimeSpan.FromSeconds(30));
        return (courseId, linked);
    }

    /// <summary>Every listing Placements copies is at the version Listings has: no event about one is still on its way (a link's own snapshot travels apart from it).</summary>
    private async Task<bool> CopiesCaughtUpAsync()
    {
        const string Versions = "SELECT coalesce(string_agg(id || ':' || version, ',' ORDER BY id), '') FROM listings";
        var copies = await system.App.ScalarAsync<string>(ResourceNames.PlacementsDb, Versions);
        var ids = string.Join(",", copies.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(copy => $"'{copy.Split(':')[0]}'"));
        return ids.Length > 0 && copies == await system.App.ScalarAsync<string>(ResourceNames.ListingsDb, $"{Versions} WHERE id IN ({ids})");
    }
}
