using System.Net;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Placements;
using MicroInternships.Placements.Jobs;

namespace MicroInternships.Placements.Tests;

/// <summary>The sweeper runs against the real database with a fake clock moved days ahead.</summary>
[Collection(PlacementsCollection.Name)]
public sealed class TimeRulesTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task AnOfferExpiresAfterSevenDays_AndALaterAcceptIs409()
    {
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var application = await _scenario.OfferedApplicationAsync(listing);

        await _scenario.SweepAtAsync(DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal("offered", await StatusOfApplicationAsync(application));

        var result = await _scenario.SweepAtAsync(DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1));
        Assert.True(result.OffersExpired >= 1);
        Assert.Equal("expired", await StatusOfApplicationAsync(application));
        using var accept = await _scenario.Student().PostJsonAsync($"/api/applications/{application}/accept");
        await accept.ProblemAsync(HttpStatusCode.Conflict, "application_wrong_state");

        var again = await _scenario.ApplyAsync(listing);
        Assert.Equal("submitted", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PendingApplications_Expire30DaysAfterTheListingClosed()
    {
        var listing = await _scenario.OpenListingAsync();
        var application = (await _scenario.ApplyAsync(listing.ListingId)).GetProperty("id").GetGuid();
        await _scenario.PublishAsync(new ListingClosed(listing with { Version = 2, Status = "closed" }, "manual", DateTimeOffset.UtcNow));
        await _scenario.WaitForListingVersionAsync(listing.ListingId, 2);

        await _scenario.SweepAtAsync(DateTimeOffset.UtcNow.AddDays(29));
        Assert.Equal("submitted", await StatusOfApplicationAsync(application));
        await _scenario.SweepAtAsync(DateTimeOffset.UtcNow.AddDays(30).AddMinutes(1));
        Assert.Equal("expired", await StatusOfApplicationAsync(application));
    }

    [Fact]
    public async Task WorkUnansweredFor14Days_IsApprovedAutomatically_Once_AndPaid()
    {
        var id = (await _scenario.SubmittedPlacementAsync()).GetProperty("id").GetGuid();

        await _scenario.SweepAtAsync(DateTimeOffset.UtcNow.AddDays(13));
        Assert.Equal("submitted", (await _scenario.GetPlacementAsync(id)).GetProperty("status").GetString());

        var at = DateTimeOffset.UtcNow.AddDays(14).AddMinutes(1);
        var first = await _scenario.SweepAtAsync(at);
        var second = await _scenario.SweepAtAsync(at);

        Assert.True(first.AutoApproved >= 1);
        Assert.Equal(0, second.AutoApproved);
        var placement = await _scenario.GetPlacementAsync(id);
        Assert.Equal("completed", placement.GetProperty("status").GetString());
        Assert.True(placement.GetProperty("autoApproved").GetBoolean());
        Assert.Equal("none", placement.GetProperty("paymentStatus").GetString()); // until Payments opens the payout
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementCompleted>(id));
        Assert.Equal("true", await _scenario.ScalarAsync<string>(
            $"SELECT payload->>'autoApproved' FROM outbox_messages WHERE payload->'placement'->>'placementId' = '{id}' AND message_type LIKE '%PlacementCompleted,%'"));

        using var feedback = await _scenario.Coordinator.GetAsync($"/api/placements/{id}/feedback");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await feedback.ReadAsync(HttpStatusCode.OK)).GetProperty("partner").ValueKind);
    }

    private Task<string?> StatusOfApplicationAsync(Guid id) => _scenario.ScalarAsync<string>($"SELECT status FROM applications WHERE id = '{id}'");
}
