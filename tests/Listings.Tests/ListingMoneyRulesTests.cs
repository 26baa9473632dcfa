using System.Net;
using System.Net.Http.Json;

namespace MicroInternships.Listings.Tests;

/// <summary>What a listing may pay, and who may change what a funded one costs.</summary>
[Collection(ListingsCollection.Name)]
public sealed class ListingMoneyRulesTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(400_001)] // a cent above $100 an hour for 40 hours
    public async Task Compensation_AboveTheCeilingPerEstimatedHour_Is400NamingTheAmount(long amountCents)
    {
        var organization = await _scenario.CreateOrganizationAsync();

        using var created = await _scenario.PartnerOf(organization).PostAsJsonAsync("/api/listings", ListingsScenario.ListingBody(hours: 40, amountCents: amountCents));

        await created.ValidationAsync("compensation.amountCents");
    }

    [Fact]
    public async Task Compensation_AtTheCeiling_IsAccepted()
    {
        var organization = await _scenario.CreateOrganizationAsync();

        var listing = await _scenario.CreateListingAsync(organization, ListingsScenario.ListingBody(hours: 40, amountCents: 400_000));

        Assert.Equal(400_000, listing.GetProperty("compensation").GetProperty("amountCents").GetInt64());
    }

    [Fact]
    public async Task AFundedDraft_IsRepricedOnlyByACoordinator()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var id = await FundedListingAsync(organization, publish: false);
        var partner = _scenario.PartnerOf(organization);

        using var repriced = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(amountCents: 90_000));
        await repriced.ProblemAsync(HttpStatusCode.Conflict, "funded_economics_locked");
        using var resized = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(hours: 40, amountCents: 64_000));
        await resized.ProblemAsync(HttpStatusCode.Conflict, "funded_economics_locked");
        using var moreOpenings = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(openings: 3));
        await moreOpenings.ProblemAsync(HttpStatusCode.Conflict, "funded_economics_locked");
        Assert.Equal(60_000, (await _scenario.GetListingAsync(id)).GetProperty("compensation").GetProperty("amountCents").GetInt64());

        using var retitled = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(title: "A clearer title"));
        Assert.Equal("A clearer title", (await retitled.ReadAsync(HttpStatusCode.OK)).GetProperty("title").GetString());
        using var byCoordinator = await _scenario.Coordinator.PutAsJsonAsync($"/api/listings/{id}", FundedBody(organization, amountCents: 90_000, openings: 4));
        var coordinated = await byCoordinator.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(90_000, coordinated.GetProperty("compensation").GetProperty("amountCents").GetInt64());
        Assert.Equal(4, coordinated.GetProperty("openings").GetInt32());
    }

    [Fact]
    public async Task AFundedOpenListing_GainsOpeningsOnlyFromACoordinator_ButThePartnerMayLowerThem()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var id = await FundedListingAsync(organization, publish: true, openings: 2);
        var partner = _scenario.PartnerOf(organization);

        using var raised = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(openings: 10));
        await raised.ProblemAsync(HttpStatusCode.Conflict, "funded_economics_locked");
        Assert.Equal(2, (await _scenario.GetListingAsync(id)).GetProperty("openings").GetInt32());

        using var lowered = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(openings: 1));
        Assert.Equal(1, (await lowered.ReadAsync(HttpStatusCode.OK)).GetProperty("openings").GetInt32());
        using var byCoordinator = await _scenario.Coordinator.PutAsJsonAsync($"/api/listings/{id}", FundedBody(organization, openings: 3));
        Assert.Equal(3, (await byCoordinator.ReadAsync(HttpStatusCode.OK)).GetProperty("openings").GetInt32());
    }

    private static readonly Guid Fund = Guid.NewGuid();

    private static Dictionary<string, object?> FundedBody(Guid organization, long amountCents = 60_000, int openings = 1)
    {
        var body = ListingsScenario.ListingBody(amountCents: amountCents, openings: openings);
        body["organizationId"] = organization;
        body["fundId"] = Fund;
        return body;
    }

    private async Task<Guid> FundedListingAsync(Guid organization, bool publish, int openings = 1)
    {
        using var created = await _scenario.Coordinator.PostAsJsonAsync("/api/listings", FundedBody(organization, openings: openings));
        var id = (await created.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        if (publish)
        {
            using var published = await _scenario.Coordinator.PostAsync($"/api/listings/{id}/publish", null);
            await published.ReadAsync(HttpStatusCode.OK);
        }

        return id;
    }
}
