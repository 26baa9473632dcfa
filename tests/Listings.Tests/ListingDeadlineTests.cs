using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MicroInternships.Listings.Tests;

[Collection(ListingsCollection.Name)]
public sealed class ListingDeadlineTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task Sweep_ClosesOpenListingsWhoseDeadlinePassed_AndLeavesTheRest()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var soon = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(deadline: DateTimeOffset.UtcNow.AddHours(1)));
        var later = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(deadline: DateTimeOffset.UtcNow.AddDays(5)));
        var draft = (await _scenario.CreateListingAsync(organization, ListingsScenario.ListingBody(deadline: DateTimeOffset.UtcNow.AddHours(1)))).GetProperty("id").GetGuid();

        var closed = await SweepAtAsync(DateTimeOffset.UtcNow.AddHours(2));
        var closedAgain = await SweepAtAsync(DateTimeOffset.UtcNow.AddHours(2));

        Assert.True(closed >= 1);
        Assert.Equal(0, closedAgain);
        Assert.Equal("closed", (await _scenario.GetListingAsync(soon)).GetProperty("status").GetString());
        Assert.Equal("deadline", (await _scenario.GetListingAsync(soon)).GetProperty("closeReason").GetString());
        Assert.Equal("deadline", await _scenario.LastClosedReasonAsync(soon));
        Assert.Equal("open", (await _scenario.GetListingAsync(later)).GetProperty("status").GetString());
        Assert.Equal("draft", (await _scenario.GetListingAsync(draft)).GetProperty("status").GetString());
        Assert.Equal(0, await _scenario.OutboxCountAsync<ListingClosed>(later));
    }

    private async Task<int> SweepAtAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sweeper = new ListingDeadlineSweeper(
            scope.ServiceProvider.GetRequiredService<ListingsDbContext>(),
            new FakeTimeProvider(now),
            scope.ServiceProvider.GetRequiredService<IOptions<DeadlineOptions>>());
        return await sweeper.SweepAsync(CancellationToken.None);
    }
}
