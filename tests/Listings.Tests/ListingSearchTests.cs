using System.Net;
using System.Text.Json;

namespace MicroInternships.Listings.Tests;

[Collection(ListingsCollection.Name)]
public sealed class ListingSearchTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task Search_RanksTitleMatchesAboveDescriptionMatches()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var word = UniqueWord();
        var inDescription = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: "General office project", description: $"Some {word} work."));
        var inTitle = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} project"));
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: "Unrelated project"));

        var ids = await SearchIdsAsync($"q={word}&organizationId={organization}");

        Assert.Equal([inTitle, inDescription], ids);
    }

    [Fact]
    public async Task Search_MatchesStemsAndSkills()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var skill = UniqueWord();
        var id = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: "Building retail dashboards", skills: [skill]));

        Assert.Equal([id], await SearchIdsAsync($"q=dashboard build&organizationId={organization}"));
        Assert.Equal([id], await SearchIdsAsync($"q={skill}&organizationId={organization}"));
    }

    [Fact]
    public async Task Search_FiltersBySkillsDisciplineHoursAndWorkMode()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var match = await _scenario.CreateOpenListingAsync(organization,
            ListingsScenario.ListingBody(skills: ["SQL", "Excel"], discipline: "Finance", hours: 24, amountCents: 40_000, workMode: "hybrid"));
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: ["SQL"], discipline: "Finance", hours: 24, amountCents: 40_000, workMode: "hybrid"));
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: ["SQL", "Excel"], discipline: "Marketing", hours: 24, amountCents: 40_000, workMode: "hybrid"));
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: ["SQL", "Excel"], discipline: "Finance", hours: 40, amountCents: 64_000, workMode: "hybrid"));
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(skills: ["SQL", "Excel"], discipline: "Finance", hours: 24, amountCents: 40_000, workMode: "remote"));

        var ids = await SearchIdsAsync($"skills=sql,EXCEL&discipline=finance&minHours=20&maxHours=30&workMode=hybrid&organizationId={organization}");

        Assert.Equal([match], ids);
    }

    [Fact]
    public async Task Search_DefaultsToOpenListings_AndShowsDraftsOnlyToTheirOrganization()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var other = await _scenario.CreateOrganizationAsync();
        var open = await _scenario.CreateOpenListingAsync(organization);
        var draft = (await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid();
        await _scenario.CreateListingAsync(other);

        Assert.Equal([open], await SearchIdsAsync($"organizationId={organization}"));
        Assert.Equal([draft], await SearchIdsAsync("status=draft", _scenario.PartnerOf(organization)));
        using var studentAsksForDrafts = await _scenario.Student.GetAsync("/api/listings?status=draft");
        await studentAsksForDrafts.ProblemAsync(HttpStatusCode.Forbidden, "status_not_visible");
    }

    [Fact]
    public async Task Search_ByWords_FindsDraftsOfTheCallersOrganization()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var word = UniqueWord();
        var draft = (await _scenario.CreateListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} draft"))).GetProperty("id").GetGuid();
        await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"The {word} opening"));

        Assert.Equal([draft], await SearchIdsAsync($"q={word}&status=draft", _scenario.PartnerOf(organization)));
    }

    [Fact]
    public async Task Search_TreatsQuotesAndOperatorsInWordsAsText()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var word = UniqueWord();
        var id = await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"O'Brien's {word} survey"));

        Assert.Equal([id], await SearchIdsAsync($"q={Uri.EscapeDataString($"O'Brien's {word}")}&organizationId={organization}"));
        Assert.Equal([id], await SearchIdsAsync($"q={Uri.EscapeDataString($"\"{word} survey\" -nothing")}&organizationId={organization}"));
        Assert.Empty(await SearchIdsAsync($"q={Uri.EscapeDataString($"{word}'); DELETE FROM listings; --")}&organizationId={organization}&status=closed"));
        Assert.Empty(await SearchIdsAsync($"q={Uri.EscapeDataString($"{word}\\' OR 1=1 --")}&organizationId={organization}&status=closed"));
        Assert.Equal([id], await SearchIdsAsync($"q={word}&organizationId={organization}"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Search_PagesWithCursors_WithoutGapsOrRepeats(bool ranked)
    {
        const int count = 5;
        var organization = await _scenario.CreateOrganizationAsync();
        var word = UniqueWord();
        var created = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            created.Add(await _scenario.CreateOpenListingAsync(organization, ListingsScenario.ListingBody(title: $"Project {word} number {i}")));
        }

        var filter = (ranked ? $"q={word}&" : "") + $"organizationId={organization}&limit=2";
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await _scenario.Student.GetAsync($"/api/listings?{filter}" + (cursor is null ? "" : $"&cursor={cursor}"));
            var page = await response.ReadAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(created.OrderBy(id => id), seen.OrderBy(id => id));
        if (!ranked)
        {
            Assert.Equal(Enumerable.Reverse(created), seen);
        }
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("workMode=moon", "workMode")]
    [InlineData("status=archived", "status")]
    [InlineData("minHours=30&maxHours=20", "maxHours")]
    [InlineData("q=data%00analysis", "q")]
    [InlineData("skills=sql,ex%00cel", "skills")]
    [InlineData("discipline=fin%00ance", "discipline")]
    [InlineData("minHours=many", "minHours")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=99999999999", "limit")]
    [InlineData("organizationId=not-a-guid", "organizationId")]
    public async Task Search_WithBadParameter_Returns400NamingIt(string query, string field)
    {
        using var response = await _scenario.Student.GetAsync($"/api/listings?{query}");

        await response.ValidationAsync(field);
    }

    [Fact]
    public async Task AListsLimitThatIsNotANumber_Returns400NamingIt()
    {
        using var response = await _scenario.Student.GetAsync("/api/organizations?limit=ten");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await response.ValidationAsync("limit");
    }

    private async Task<List<Guid>> SearchIdsAsync(string query, HttpClient? client = null)
    {
        using var response = await (client ?? _scenario.Student).GetAsync($"/api/listings?{query}");
        var page = await response.ReadAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    private static string UniqueWord() => "zq" + Guid.NewGuid().ToString("N")[..10].Replace('0', 'x').Replace('1', 'y');
}
