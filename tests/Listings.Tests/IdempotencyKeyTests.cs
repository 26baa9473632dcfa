using System.Net;
using System.Net.Http.Json;

namespace MicroInternships.Listings.Tests;

[Collection(ListingsCollection.Name)]
public sealed class IdempotencyKeyTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task CreateRetriedWithTheSameKey_CreatesOnce_AndReplaysTheFirstAnswer()
    {
        var key = Guid.NewGuid().ToString();
        var name = $"Retried Org {key[..8]}";

        using var first = await SendAsync(_scenario.Coordinator, HttpMethod.Post, "/api/organizations", new { name }, key);
        using var retry = await SendAsync(_scenario.Coordinator, HttpMethod.Post, "/api/organizations", new { name }, key);

        var created = await first.ReadAsync(HttpStatusCode.Created);
        var replayed = await retry.ReadAsync(HttpStatusCode.Created);
        Assert.Equal(created.GetProperty("id").GetGuid(), replayed.GetProperty("id").GetGuid());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(retry.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM organizations WHERE name = '{name}'"));
    }

    [Fact]
    public async Task ActionRetriedWithTheSameKey_AnswersLikeTheFirstTime_InsteadOf409()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var listing = (await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        using var first = await SendAsync(_scenario.PartnerOf(organization), HttpMethod.Post, $"/api/listings/{listing}/publish", null, key);
        using var retry = await SendAsync(_scenario.PartnerOf(organization), HttpMethod.Post, $"/api/listings/{listing}/publish", null, key);

        await first.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("open", (await retry.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SameKeyWithAnotherRequest_Returns422_AndOtherCallersKeysAreTheirOwn()
    {
        var key = Guid.NewGuid().ToString();

        using var first = await SendAsync(_scenario.Coordinator, HttpMethod.Post, "/api/organizations", new { name = "First body" }, key);
        using var other = await SendAsync(_scenario.Coordinator, HttpMethod.Post, "/api/organizations", new { name = "Second body" }, key);
        using var anotherCaller = await SendAsync(factory.CreateClientAs("c-2", "coordinator"), HttpMethod.Post, "/api/organizations", new { name = "Second body" }, key);

        await first.ReadAsync(HttpStatusCode.Created);
        await other.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        await anotherCaller.ReadAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task TheSameKey_FromOnePersonActingForAnotherOrganizationOrRole_IsNotAnsweredWithTheOthersResult()
    {
        var key = Guid.NewGuid().ToString();
        var (first, second) = (await _scenario.CreateOrganizationAsync(), await _scenario.CreateOrganizationAsync());
        var subject = $"p-{Guid.NewGuid():N}";

        using var forFirst = await SendAsync(_scenario.PartnerOf(first, subject), HttpMethod.Post, "/api/listings", ListingsScenario.ListingBody(), key);
        using var forSecond = await SendAsync(_scenario.PartnerOf(second, subject), HttpMethod.Post, "/api/listings", ListingsScenario.ListingBody(), key);
        using var asFaculty = await SendAsync(factory.CreateClientAs(subject, "faculty"), HttpMethod.Post, "/api/listings", ListingsScenario.ListingBody(), key);

        Assert.Equal(first, (await forFirst.ReadAsync(HttpStatusCode.Created)).GetProperty("organizationId").GetGuid());
        Assert.Equal(second, (await forSecond.ReadAsync(HttpStatusCode.Created)).GetProperty("organizationId").GetGuid());
        Assert.False(forSecond.Headers.Contains("Idempotency-Replayed"));
        Assert.NotEqual(HttpStatusCode.Created, asFaculty.StatusCode);
    }

    [Fact]
    public async Task TwoRequestsWithOneKeyAtOnce_RunOnce_AndTheSecondGetsTheFirstsAnswer()
    {
        var key = Guid.NewGuid().ToString();
        var name = $"Concurrent Org {key[..8]}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await SendAsync(_scenario.Coordinator, HttpMethod.Post, "/api/organizations", new { name }, key);
            return (Id: (await response.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid(), Replayed: response.Headers.Contains("Idempotency-Replayed"));
        }));

        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Single(answers, a => a.Replayed);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM organizations WHERE name = '{name}'"));
    }

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string uri, object? body, string key)
    {
        var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
