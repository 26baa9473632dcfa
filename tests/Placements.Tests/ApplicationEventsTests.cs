using System.Net;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Placements.Tests;

/// <summary>
/// Every change of an application is one event with its next version, whichever code made it (the API, or a listing's
/// cancellation lapsing it), and none carries the pitch.
/// </summary>
[Collection(PlacementsCollection.Name)]
public sealed class ApplicationEventsTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task EachChangeOfAnApplication_IsOneEvent_WithTheNextVersion()
    {
        var listing = (await _scenario.OpenListingAsync(openings: 5)).ListingId;
        var accepted = await _scenario.OfferedApplicationAsync(listing, student: 1);
        await _scenario.Student(1).PostJsonAsync($"/api/applications/{accepted}/accept").ReadAsync(HttpStatusCode.Created);
        var rejected = (await _scenario.ApplyAsync(listing, student: 2)).GetProperty("id").GetGuid();
        await _scenario.Partner.PostJsonAsync($"/api/applications/{rejected}/reject").ReadAsync(HttpStatusCode.OK);
        var declined = await _scenario.OfferedApplicationAsync(listing, student: 3);
        await _scenario.Student(3).PostJsonAsync($"/api/applications/{declined}/decline").ReadAsync(HttpStatusCode.OK);
        var withdrawn = (await _scenario.ApplyAsync(listing, student: 4)).GetProperty("id").GetGuid();
        await _scenario.Student(4).PostJsonAsync($"/api/applications/{withdrawn}/withdraw").ReadAsync(HttpStatusCode.OK);

        Assert.Equal([("ApplicationSubmitted", 1), ("ApplicationOffered", 2), ("ApplicationAccepted", 3)], await EventsOfAsync(accepted));
        Assert.Equal([("ApplicationSubmitted", 1), ("ApplicationRejected", 2)], await EventsOfAsync(rejected));
        Assert.Equal([("ApplicationSubmitted", 1), ("ApplicationOffered", 2), ("ApplicationDeclined", 3)], await EventsOfAsync(declined));
        Assert.Equal([("ApplicationSubmitted", 1), ("ApplicationWithdrawn", 2)], await EventsOfAsync(withdrawn));
        Assert.NotNull(await _scenario.ScalarAsync<string>(
            $"SELECT payload->'application'->>'offerExpiresAt' FROM outbox_messages WHERE message_type LIKE '{typeof(ApplicationOffered).FullName},%' " +
            $"AND payload->'application'->>'applicationId' = '{accepted}'"));
        Assert.Equal(0L, await _scenario.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%I have done this before.%'"));
    }

    [Fact]
    public async Task AnApplicationLapsedByItsListingsCancellation_IsAnnouncedAsExpired()
    {
        var listing = await _scenario.OpenListingAsync();
        var application = (await _scenario.ApplyAsync(listing.ListingId)).GetProperty("id").GetGuid();

        await _scenario.PublishAndWaitAsync(new ListingCancelled(listing with { Version = 2, Status = "cancelled" }, DateTimeOffset.UtcNow));

        Assert.Equal([("ApplicationSubmitted", 1), ("ApplicationExpired", 2)], await EventsOfAsync(application));
    }

    /// <summary>The application events about one application, as (type, version), in version order.</summary>
    private async Task<List<(string, long)>> EventsOfAsync(Guid application)
    {
        var rows = await _scenario.ScalarAsync<string>(
            "SELECT string_agg(split_part(split_part(message_type, ',', 1), '.', 4) || ':' || (payload->'application'->>'version'), ';' " +
            "ORDER BY (payload->'application'->>'version')::bigint) FROM outbox_messages " +
            $"WHERE payload->'application'->>'applicationId' = '{application}'");
        return (rows ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(row => row.Split(':'))
            .Select(parts => (parts[0], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }
}
