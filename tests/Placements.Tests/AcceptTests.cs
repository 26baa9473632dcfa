using System.Net;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Placements.Tests;

[Collection(PlacementsCollection.Name)]
public sealed class AcceptTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task Accept_StartsAPlacement_WithTheOfferedTerms_AndWritesPlacementStarted()
    {
        var fund = Guid.NewGuid();
        var listing = await _scenario.OpenListingAsync(openings: 2, fundId: fund);
        var application = await _scenario.OfferedApplicationAsync(listing.ListingId);

        using var response = await _scenario.Student().PostJsonAsync($"/api/applications/{application}/accept");
        var placement = await response.ReadAsync(HttpStatusCode.Created);

        var id = placement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/placements/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("active", placement.GetProperty("status").GetString());
        Assert.Equal(application, placement.GetProperty("applicationId").GetGuid());
        Assert.Equal(listing.AmountCents, placement.GetProperty("amountCents").GetInt64());
        Assert.Equal("none", placement.GetProperty("paymentStatus").GetString());
        Assert.Equal("reserved", placement.GetProperty("fundingStatus").GetString());
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementStarted>(id));
        Assert.Equal("1", await _scenario.ScalarAsync<string>(
            $"SELECT payload->'placement'->>'filledCount' FROM outbox_messages WHERE payload->'placement'->>'placementId' = '{id}'"));
        Assert.Equal($"{fund}", await _scenario.ScalarAsync<string>(
            $"SELECT payload->'placement'->>'fundId' FROM outbox_messages WHERE payload->'placement'->>'placementId' = '{id}'"));

        using var again = await _scenario.Student().PostJsonAsync($"/api/applications/{application}/accept");
        await again.ProblemAsync(HttpStatusCode.Conflict, "application_wrong_state");
    }

    [Fact]
    public async Task FiftyConcurrentAccepts_ForTwoOpenings_ExactlyTwoSucceed()
    {
        var listing = await _scenario.OpenListingAsync(openings: 2);
        var applications = new List<(int Student, Guid Application)>();
        for (var student = 1; student <= 50; student++)
        {
            applications.Add((student, await _scenario.OfferedApplicationAsync(listing.ListingId, student)));
        }

        var responses = await Task.WhenAll(applications.Select(async a =>
        {
            using var response = await _scenario.Student(a.Student).PostJsonAsync($"/api/applications/{a.Application}/accept");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("listing_filled", r.Body);
        });
        Assert.Equal(2, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM placements WHERE listing_id = '{listing.ListingId}'"));
        Assert.Equal(2, await _scenario.ScalarAsync<int>($"SELECT filled_count FROM listings WHERE id = '{listing.ListingId}'"));
        Assert.Equal(2, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM applications WHERE listing_id = '{listing.ListingId}' AND status = 'accepted'"));
    }

    [Fact]
    public async Task AThirdPlacementInProgress_Is409_UntilOneEnds()
    {
        await _scenario.ActivePlacementAsync();
        var second = (await _scenario.ActivePlacementAsync()).GetProperty("id").GetGuid();
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var third = await _scenario.OfferedApplicationAsync(listing);

        using var refused = await _scenario.Student().PostJsonAsync($"/api/applications/{third}/accept");
        await refused.ProblemAsync(HttpStatusCode.Conflict, "workload_limit_reached");
        Assert.Equal(0, await _scenario.ScalarAsync<int>($"SELECT filled_count FROM listings WHERE id = '{listing}'"));

        using var cancel = await _scenario.Student().PostJsonAsync($"/api/placements/{second}/cancel", new { reason = "Too much at once" });
        await cancel.ReadAsync(HttpStatusCode.OK);
        using var accepted = await _scenario.Student().PostJsonAsync($"/api/applications/{third}/accept");
        await accepted.ReadAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ConcurrentAccepts_OfOneStudent_NeverPassTheWorkloadGuard()
    {
        var offers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            offers.Add(await _scenario.OfferedApplicationAsync((await _scenario.OpenListingAsync()).ListingId));
        }

        var statuses = await Task.WhenAll(offers.Select(async id =>
        {
            using var response = await _scenario.Student().PostJsonAsync($"/api/applications/{id}/accept");
            return response.StatusCode;
        }));

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(2, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM placements WHERE student_id = '{_scenario.StudentId()}'"));
    }
}
