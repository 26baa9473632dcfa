using System.Net;
using System.Text.Json;
using MicroInternships.Hosting;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Placements' database lost whole: started again on an empty one, Placements asks the other services for their
/// history and rebuilds its copies of listings and course links, with no one's help: this test's exactly as they were,
/// and every listing it copied at the version Listings has.
/// </summary>
[Collection(BreakableSystemCollection.Name)]
public sealed class EmptyDatabaseRebuildTests(SystemFixture system, ITestOutputHelper output)
{
    // The first return from _error comes 30 s after the failure, and the redrive looks every 15 s.
    private static readonly TimeSpan _redriven = TimeSpan.FromSeconds(90);

    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task Placements_StartedOnAnEmptyDatabase_RebuildsItsListingCopiesAndCourseLinks_ByReplay()
    {
        var history = await HistoryAsync();
        var before = await system.App.ScalarAsync<string>(ResourceNames.PlacementsDb, history.Copies);
        // The whole system's copies, not only this test's: an earlier test's event may still wait in _error, so those
        // are compared with Listings, where the replay brings them, rather than with what Placements had.
        var copied = (await ListingVersionsAsync(ResourceNames.PlacementsDb, "")).Keys.ToList();
        var faults = new SystemFaults(system.App);

        var instances = await faults.KillAllAsync(ResourceNames.PlacementsApi);
        await system.App.DropDatabaseAsync(ResourceNames.PlacementsDb);
        foreach (var instance in instances)
        {
            await faults.RestartAsync(ResourceNames.PlacementsApi, instance);
        }

        await Eventually.HoldsAsync(
            async () => await system.App.ScalarAsync<string>(ResourceNames.PlacementsDb, history.Copies) == before && await CopiesBehindListingsAsync(copied) == "",
            $"Placements' copies of this test's listings and course link are what they were ({before}), and each of the {copied.Count} listings it copied is at Listings' version",
            timeout: TimeSpan.FromMinutes(2),
            state: async () => $"{await system.App.ScalarAsync<string>(ResourceNames.PlacementsDb, history.Copies)}; behind: {await CopiesBehindListingsAsync(copied)}");
        output.WriteLine($"{copied.Count} listing copies rebuilt at Listings' versions; this test's: {before}");

        // It works on them again: a student of the course applies through the rebuilt link.
        var student = await _calls.ClientAsync(new { sub = $"s-rebuild-{history.CourseId}", role = "student", name = "Robin" });
        await GatewayCalls.SendAsync(student, HttpMethod.Post, "/api/applications",
            new { listingId = history.LinkedListing, pitch = "Through the course, after the rebuild.", courseId = history.CourseId }, HttpStatusCode.Created);
    }

    /// <summary>On top of the sample data: a course linked to one new listing, and another listing published then cancelled.</summary>
    private async Task<History> HistoryAsync()
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

        var history = new History(courseId, linked, cancelled);
        await Eventually.HoldsAsync(async () => await system.App.ScalarAsync<long>(ResourceNames.PlacementsDb,
            $"SELECT (SELECT count(*) FROM course_links WHERE course_id = '{courseId}' AND linked) + (SELECT count(*) FROM listings WHERE id = '{cancelled}' AND status = 'cancelled')") == 2
            && await CopiesBehindListingsAsync([linked, cancelled]) == "",
            "Placements heard of the link and the cancellation, and its copies of both listings are at Listings' version", _redriven,
            state: async () => $"{await system.App.ScalarAsync<string>(ResourceNames.PlacementsDb, history.Copies)}; behind: {await CopiesBehindListingsAsync([linked, cancelled])}");
        return history;
    }

    /// <summary>Which of these listings Placements has not copied at the version Listings has (no event about it still on its way), or "".</summary>
    private async Task<string> CopiesBehindListingsAsync(IReadOnlyCollection<string> ids)
    {
        var among = $"WHERE id = ANY('{{{string.Join(",", ids)}}}'::uuid[])";
        var copies = await ListingVersionsAsync(ResourceNames.PlacementsDb, among);
        var truth = await ListingVersionsAsync(ResourceNames.ListingsDb, among);
        return string.Join(", ", ids.Where(id => copies.GetValueOrDefault(id) != truth.GetValueOrDefault(id))
            .Select(id => $"{id} at {copies.GetValueOrDefault(id) ?? "none"} of {truth.GetValueOrDefault(id) ?? "none"}"));
    }

    private async Task<Dictionary<string, string>> ListingVersionsAsync(string database, string where)
    {
        var versions = await system.App.ScalarAsync<string>(database, $"SELECT coalesce(string_agg(id || ':' || version, ','), '') FROM listings {where}");
        return versions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(copy => copy.Split(':')).ToDictionary(copy => copy[0], copy => copy[1]);
    }

    private sealed record History(string CourseId, string LinkedListing, string CancelledListing)
    {
        // What Placements copies of a listing; not filled_count, which it counts from its own placements (lost with them).
        public string Copies => $"""
            SELECT coalesce((SELECT string_agg(concat_ws(':', id, version, status, title, openings, amount_cents, application_deadline), ',' ORDER BY id)
                    FROM listings WHERE id IN ('{LinkedListing}', '{CancelledListing}')), '')
                || '|' || coalesce((SELECT string_agg(concat_ws(':', course_id, listing_id, linked, version), ',' ORDER BY course_id, listing_id)
                    FROM course_links WHERE course_id = '{CourseId}'), '')
            """;
    }
}
