using System.Net;

namespace MicroInternships.Listings.Tests;

/// <summary>Two people of one organization editing a listing: the one who read an older version is refused, not silently overwritten.</summary>
[Collection(ListingsCollection.Name)]
public sealed class ListingVersionTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task AnEditOfAnOlderVersion_Is412_AndChangesNothing_WhileTheCurrentVersionIsApplied()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var partner = _scenario.PartnerOf(organization);
        var id = (await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid();
        string read;
        using (var get = await partner.GetAsync($"/api/listings/{id}"))
        {
            await get.ReadAsync(HttpStatusCode.OK);
            read = get.Headers.ETag!.Tag;
            Assert.StartsWith("\"1.", read);
        }

        using (var first = await partner.PutIfMatchAsync($"/api/listings/{id}", ListingsScenario.ListingBody(title: "First editor's title"), read))
        {
            await first.ReadAsync(HttpStatusCode.OK);
            Assert.StartsWith("\"2.", first.Headers.ETag!.Tag);
        }

        using var stale = await partner.PutIfMatchAsync($"/api/listings/{id}", ListingsScenario.ListingBody(title: "Second editor's title"), read);
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed, "version_mismatch");
        Assert.Equal("First editor's title", (await _scenario.GetListingAsync(id)).GetProperty("title").GetString());

        using var malformed = await partner.PutIfMatchAsync($"/api/listings/{id}", ListingsScenario.ListingBody(), "2");
        await malformed.ValidationAsync("If-Match");
    }
}
