using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.Placements.Tests.Credentials;

[Collection(PlacementsCollection.Name)]
public sealed class PortfolioTests(PlacementsFactory factory)
{
    private readonly CredentialScenario _scenario = new(factory);

    private PlacementsScenario Placements => _scenario.Placements;

    private string Slug { get; } = $"ada-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task APublishedPortfolio_ListsTheUnrevokedCredentials_WithNothingElseAboutTheStudent()
    {
        var kept = await _scenario.CompletedWithEndorsementsAsync();
        var revoked = await _scenario.CompletedWithEndorsementsAsync();
        var revokedId = (await _scenario.CredentialOfAsync(revoked)).GetProperty("id").GetString();
        using var revoke = await Placements.Coordinator.PostJsonAsync($"/api/credentials/{revokedId}/revoke", new { reason = "issued_in_error" });
        await revoke.ReadAsync(HttpStatusCode.OK);
        using var unpublishedYet = await Placements.Anonymous.GetAsync($"/api/portfolios/{Slug}");
        await unpublishedYet.ProblemAsync(HttpStatusCode.NotFound, "portfolio_not_found");

        using var publish = await Placements.Student().PutAsJsonAsync("/api/portfolio", new { slug = Slug, headline = "Data analysis for small firms", published = true });
        var own = await publish.ReadAsync(HttpStatusCode.OK);
        Assert.EndsWith($"/api/portfolios/{Slug}", own.GetProperty("url").GetString());

        using var page = await Placements.Anonymous.GetAsync($"/api/portfolios/{Slug}");
        var portfolio = await page.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(["credentials", "headline", "slug"], portfolio.EnumerateObject().Select(p => p.Name).Order());
        var credential = Assert.Single(portfolio.GetProperty("credentials").EnumerateArray());
        Assert.Equal(
            ["competencies", "completedAt", "credentialId", "hours", "organizationName", "title", "url"],
            credential.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal((await _scenario.CredentialOfAsync(kept)).GetProperty("id").GetString(), credential.GetProperty("credentialId").GetString());
        Assert.Equal(["competency", "evidence", "name"], credential.GetProperty("competencies")[0].EnumerateObject().Select(p => p.Name).Order());
        Assert.DoesNotContain("Excellent work", portfolio.GetRawText());

        using var unpublish = await Placements.Student().PutAsJsonAsync("/api/portfolio", new { slug = Slug, headline = "Data analysis for small firms", published = false });
        await unpublish.ReadAsync(HttpStatusCode.OK);
        using var gone = await Placements.Anonymous.GetAsync($"/api/portfolios/{Slug}");
        await gone.ProblemAsync(HttpStatusCode.NotFound, "portfolio_not_found");
    }

    [Fact]
    public async Task ASlug_IsNeverGivenToAnotherStudent_EvenAfterItsOwnerMovedOn()
    {
        using var first = await Placements.Student(1).PutAsJsonAsync("/api/portfolio", new { slug = Slug, headline = "", published = true });
        await first.ReadAsync(HttpStatusCode.OK);
        using var taken = await Placements.Student(2).PutAsJsonAsync("/api/portfolio", new { slug = Slug, headline = "", published = true });
        await taken.ProblemAsync(HttpStatusCode.Conflict, "slug_taken");

        using var moved = await Placements.Student(1).PutAsJsonAsync("/api/portfolio", new { slug = Slug + "-b", headline = "", published = true });
        await moved.ReadAsync(HttpStatusCode.OK);
        using var stillTaken = await Placements.Student(2).PutAsJsonAsync("/api/portfolio", new { slug = Slug, headline = "", published = true });
        await stillTaken.ProblemAsync(HttpStatusCode.Conflict, "slug_taken");
        using var oldAddress = await Placements.Anonymous.GetAsync($"/api/portfolios/{Slug}");
        await oldAddress.ProblemAsync(HttpStatusCode.NotFound, "portfolio_not_found");
        using var back = await Placements.Student(1).PutAsJsonAsync("/api/portfolio", new { slug = Slug, headline = "", published = true });
        await back.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoStudentsClaimingOneSlugAtOnce_OneGetsIt()
    {
        var claims = await Task.WhenAll(Enumerable.Range(1, 6).Select(async student =>
        {
            using var response = await Placements.Student(student).PutAsJsonAsync("/api/portfolio", new { slug = Slug, headline = "", published = true });
            return response.StatusCode;
        }));

        Assert.Equal(1, claims.Count(status => status == HttpStatusCode.OK));
        Assert.All(claims.Where(status => status != HttpStatusCode.OK), status => Assert.Equal(HttpStatusCode.Conflict, status));
    }

    [Fact]
    public async Task BadInput_Is400_AndOnlyStudentsHaveAPortfolio()
    {
        using var bad = await Placements.Student().PutAsJsonAsync("/api/portfolio", new { slug = "Not A Slug!", headline = new string('x', 121) });
        await bad.ValidationAsync("slug", "headline", "published");
        using var none = await Placements.Student(5).GetAsync("/api/portfolio");
        await none.ProblemAsync(HttpStatusCode.NotFound, "portfolio_not_found");
        using var partner = await Placements.Partner.PutAsJsonAsync("/api/portfolio", new { slug = Slug, headline = "", published = true });
        await partner.ProblemAsync(HttpStatusCode.Forbidden, "students_only");
    }
}
