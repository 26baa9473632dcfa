using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.Listings.Tests;

[Collection(ListingsCollection.Name)]
public sealed class PublicListingsTests(ListingsFactory factory)
{
    private static readonly string[] _publicFields =
    [
        "id", "title", "summary", "description", "organizationName", "skills", "discipline", "estimatedHours", "compensation",
        "applicationDeadline", "workMode", "location", "openingsLeft", "publishedAt",
    ];

    private readonly ListingsScenario _scenario = new(factory);
    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task Visitors_SeeOpenListingsWithoutAToken_AndNothingElse()
    {
        var word = UniqueWord();
        var organization = await _scenario.CreateOrganizationAsync();
        var open = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} study", openings: 3));
        await _scenario.CreateListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} draft"));
        var closed = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} closed one"));
        await PostAsync(_scenario.PartnerOf(organization), $"/api/listings/{closed}/close");
        var cancelled = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} cancelled one"));
        await PostAsync(_scenario.PartnerOf(organization), $"/api/listings/{cancelled}/cancel");

        Assert.Equal([open], await SearchIdsAsync($"q={word}"));
        using var one = await _visitor.GetAsync($"/api/public/listings/{open}");
        var listing = await one.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(3, listing.GetProperty("openingsLeft").GetInt32());
        foreach (var hidden in new[] { closed, cancelled })
        {
            using var refused = await _visitor.GetAsync($"/api/public/listings/{hidden}");
            await refused.ProblemAsync(HttpStatusCode.NotFound, "listing_not_found");
        }
    }

    [Fact]
    public async Task PublicAnswers_HaveThePublicFieldsOnly()
    {
        var word = UniqueWord();
        var organization = await _scenario.CreateOrganizationAsync("Public Fields Co");
        var open = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} fields"));

        using var search = await _visitor.GetAsync($"/api/public/listings?q={word}");
        var found = Assert.Single((await search.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        using var one = await _visitor.GetAsync($"/api/public/listings/{open}");
        var single = await one.ReadAsync(HttpStatusCode.OK);

        foreach (var listing in new[] { found, single })
        {
            Assert.Equal(_publicFields.Order(), listing.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal("Public Fields Co", listing.GetProperty("organizationName").GetString());
            Assert.Equal(["amountCents", "currency"], listing.GetProperty("compensation").EnumerateObject().Select(p => p.Name).Order());
        }
    }

    [Fact]
    public async Task AnOrganizationThatOptsOut_DisappearsFromThePublicSite_ButNotFromSignedInSearch()
    {
        var word = UniqueWord();
        var organization = await _scenario.CreateOrganizationAsync();
        var open = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} opt-out"));
        Assert.Equal([open], await SearchIdsAsync($"q={word}"));

        using var optOut = await _scenario.Coordinator.PutAsJsonAsync($"/api/organizations/{organization}",
            new { name = "Acme Test Co", website = "https://example.com", publicListings = false });
        Assert.False((await optOut.ReadAsync(HttpStatusCode.OK)).GetProperty("publicListings").GetBoolean());

        Assert.Empty(await SearchIdsAsync($"q={word}"));
        using var refused = await _visitor.GetAsync($"/api/public/listings/{open}");
        await refused.ProblemAsync(HttpStatusCode.NotFound, "listing_not_found");
        using var signedIn = await _scenario.Student.GetAsync($"/api/listings?q={word}");
        Assert.Single((await signedIn.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());

        using var rename = await _scenario.Coordinator.PutAsJsonAsync($"/api/organizations/{organization}", new { name = "Acme Renamed Co" });
        Assert.False((await rename.ReadAsync(HttpStatusCode.OK)).GetProperty("publicListings").GetBoolean());
    }

    [Fact]
    public async Task AnOrganizationCreatedPrivate_NeverShowsItsListings()
    {
        var word = UniqueWord();
        using var created = await _scenario.Coordinator.PostAsJsonAsync("/api/organizations", new { name = "Quiet Co", publicListings = false });
        var organization = (await created.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} quiet one"));

        Assert.Empty(await SearchIdsAsync($"q={word}"));
    }

    [Fact]
    public async Task PublicSearch_FiltersAndPagesLikeTheSignedInOne()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var skill = UniqueWord();
        var hybrid = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill], workMode: "hybrid", hours: 24));
        var older = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill], workMode: "remote", hours: 24));
        var newest = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill], workMode: "remote", hours: 24));
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: [skill], workMode: "remote", hours: 40, amountCents: 64_000));

        Assert.Equal([hybrid], await SearchIdsAsync($"skills={skill}&workMode=hybrid"));
        using var first = await _visitor.GetAsync($"/api/public/listings?skills={skill}&workMode=remote&maxHours=30&limit=1");
        var page = await first.ReadAsync(HttpStatusCode.OK);
        Assert.Equal([newest], Ids(page));
        using var second = await _visitor.GetAsync($"/api/public/listings?skills={skill}&workMode=remote&maxHours=30&limit=1&cursor={page.GetProperty("nextCursor").GetString()}");
        Assert.Equal([older], Ids(await second.ReadAsync(HttpStatusCode.OK)));
    }

    [Theory]
    [InlineData("workMode=teleport", "workMode")]
    [InlineData("minHours=-1", "minHours")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task PublicSearch_BadQueries_Are400NamingTheField(string query, string field)
    {
        using var response = await _visitor.GetAsync($"/api/public/listings?{query}");

        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task PublicSearch_DoesNotTakeTheSignedInOnlyFilters()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var word = UniqueWord();
        await _scenario.CreateListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} draft"));

        Assert.Empty(await SearchIdsAsync($"q={word}&status=draft&organizationId={organization}"));
    }

    private async Task<Guid[]> SearchIdsAsync(string query)
    {
        using var response = await _visitor.GetAsync($"/api/public/listings?{query}");
        return Ids(await response.ReadAsync(HttpStatusCode.OK));
    }

    private static Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetGuid())];

    private static async Task PostAsync(HttpClient client, string path)
    {
        using var response = await client.PostAsync(path, null);
        await response.ReadAsync(HttpStatusCode.OK);
    }

    private static string UniqueWord() => "w" + Guid.NewGuid().ToString("N")[..10];
}
