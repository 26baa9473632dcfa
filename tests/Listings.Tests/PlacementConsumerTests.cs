using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Placements;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Listings.Tests;

/// <summary>Placements' events arrive through the test RabbitMQ, as in production, and are counted once each.</summary>
[Collection(ListingsCollection.Name)]
public sealed class PlacementConsumerTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task PlacementStarted_TakingTheLastOpening_FillsTheListing_AndPublishesClosedAsFilled()
    {
        var listing = await OpenListingAsync(openings: 2);

        await PublishAsync(new PlacementStarted(Placement(listing), DateTimeOffset.UtcNow));
        await WaitForAsync(listing, l => l.GetProperty("filledCount").GetInt32() == 1);
        await PublishAsync(new PlacementStarted(Placement(listing), DateTimeOffset.UtcNow));
        var filled = await WaitForAsync(listing, l => l.GetProperty("status").GetString() == "filled");

        Assert.Equal(2, filled.GetProperty("filledCount").GetInt32());
        Assert.Equal("filled", await _scenario.LastClosedReasonAsync(listing));
    }

    [Fact]
    public async Task OpeningsEditedDownToTheOnesTaken_FillTheListing_AndPublishClosedAsFilled()
    {
        var listing = await OpenListingAsync(openings: 3);
        await PublishAsync(new PlacementStarted(Placement(listing), DateTimeOffset.UtcNow));
        await PublishAsync(new PlacementStarted(Placement(listing), DateTimeOffset.UtcNow));
        await WaitForAsync(listing, l => l.GetProperty("filledCount").GetInt32() == 2);

        using var edited = await _scenario.Coordinator.PutAsJsonAsync($"/api/listings/{listing}", ListingsScenario.ListingBody(openings: 2));

        Assert.Equal("filled", (await edited.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("filled", await _scenario.LastClosedReasonAsync(listing));
        Assert.Equal(2, await _scenario.OutboxCountAsync<ListingUpdated>(listing)); // the two counts; the edit that fills it is the close
    }

    [Fact]
    public async Task APlacementThatLeavesOpeningsFree_PublishesTheListingsNewVersion_SoCopiesKeepUp()
    {
        var listing = await OpenListingAsync(openings: 3);
        var placement = Placement(listing);
        await PublishAsync(new PlacementStarted(placement, DateTimeOffset.UtcNow));
        await WaitForAsync(listing, l => l.GetProperty("filledCount").GetInt32() == 1);
        await PublishAsync(new PlacementCancelled(placement with { Status = "cancelled", Settlement = "pending", ProposedPayableCents = 0 }, DateTimeOffset.UtcNow));
        await WaitForAsync(listing, l => l.GetProperty("filledCount").GetInt32() == 0);

        var versions = await factory.Database.OutboxVersionsAsync<ListingUpdated>("listing", "listingId", listing);
        var current = await factory.Database.ScalarAsync<long>($"SELECT version FROM listings WHERE id = '{listing}'");
        Assert.Equal([(current - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), current.ToString(System.Globalization.CultureInfo.InvariantCulture)], versions);
    }

    [Fact]
    public async Task PlacementStarted_DeliveredTwice_CountsOnce()
    {
        var listing = await OpenListingAsync(openings: 3);
        var started = new PlacementStarted(Placement(listing), DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();

        await PublishAsync(started, messageId);
        await PublishAsync(started, messageId);
        await PublishAsync(started);
        var marker = new PlacementStarted(Placement(listing), DateTimeOffset.UtcNow);
        await PublishAsync(marker);

        var counted = await WaitForAsync(listing, l => l.GetProperty("filledCount").GetInt32() >= 2);
        await Task.Delay(500);
        Assert.Equal(2, (await _scenario.GetListingAsync(listing)).GetProperty("filledCount").GetInt32());
        Assert.Equal("open", counted.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PlacementCancelled_OnAFilledListing_ReopensIt_WhileTheDeadlineIsAhead()
    {
        var listing = await OpenListingAsync(openings: 1);
        var placement = Placement(listing);
        await PublishAsync(new PlacementStarted(placement, DateTimeOffset.UtcNow));
        await WaitForAsync(listing, l => l.GetProperty("status").GetString() == "filled");

        await PublishAsync(new PlacementCancelled(placement with { Status = "cancelled", Settlement = "pending", ProposedPayableCents = 0 }, DateTimeOffset.UtcNow));

        var reopened = await WaitForAsync(listing, l => l.GetProperty("status").GetString() == "open");
        Assert.Equal(0, reopened.GetProperty("filledCount").GetInt32());
        Assert.Equal(2, await _scenario.OutboxCountAsync<ListingPublished>(listing));
    }

    [Fact]
    public async Task PlacementStarted_ArrivingAfterItsCancellation_ChangesNothing()
    {
        var listing = await OpenListingAsync(openings: 1);
        var placement = Placement(listing);
        var marker = Placement(listing);

        await factory.PublishAndWaitAsync(new PlacementCancelled(placement with { Status = "cancelled", Settlement = "pending", ProposedPayableCents = 0 }, DateTimeOffset.UtcNow));
        await factory.PublishAndWaitAsync(new PlacementStarted(placement, DateTimeOffset.UtcNow));
        await PublishAsync(new PlacementStarted(marker, DateTimeOffset.UtcNow));

        var after = await WaitForAsync(listing, l => l.GetProperty("filledCount").GetInt32() >= 1);
        Assert.Equal(1, after.GetProperty("filledCount").GetInt32());
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM placement_seats WHERE listing_id = '{listing}' AND active"));
    }

    private async Task<Guid> OpenListingAsync(int openings) =>
        await _scenario.CreateOpenListingAsync(await _scenario.CreateOrganizationAsync(), ListingsScenario.ListingBody(openings: openings));

    private static PlacementSnapshot Placement(Guid listingId) =>
        new(Guid.NewGuid(), 1, listingId, "s-" + Guid.NewGuid().ToString("N")[..6], "Test Student", Guid.NewGuid(), null, null, 60_000, "USD", 1, 1, "active", "none", null, null);

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class => factory.PublishAsync(message, messageId);

    private async Task<JsonElement> WaitForAsync(Guid listing, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var current = await _scenario.GetListingAsync(listing);
            if (condition(current) || DateTime.UtcNow > deadline)
            {
                Assert.True(condition(current), $"Listing never reached the expected state: {current}");
                return current;
            }

            await Task.Delay(100);
        }
    }
}
