using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class GatewayJourneyTests(SystemFixture system)
{
    private static readonly string[] _services = ["listings", "placements", "payments", "events"];

    [Fact]
    public async Task Health_ThroughGateway_ReportsEveryServiceReady()
    {
        // Each service is ready only when its database is migrated and a ping went through RabbitMQ and back.
        using var response = await system.Gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<Health>();
        Assert.Equal("Healthy", health?.Status);
        foreach (var service in _services)
        {
            Assert.Equal("Healthy", health!.Checks[$"{service}-api"]);
        }
    }

    [Theory]
    [InlineData("/api/listings")]
    [InlineData("/api/applications")]
    [InlineData("/api/payouts")]
    [InlineData("/api/events")]
    public async Task ApiRoute_WithoutToken_Returns401ProblemDetails(string path)
    {
        using var response = await system.Gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/applications", HttpStatusCode.OK)]
    [InlineData("/api/placements", HttpStatusCode.OK)]
    [InlineData("/api/payouts", HttpStatusCode.OK)]
    [InlineData("/api/funds", HttpStatusCode.Forbidden)]
    [InlineData("/api/events", HttpStatusCode.NotFound)]
    public async Task ApiRoute_WithDevelopmentToken_IsAcceptedByTheGatewayAndTheService(string path, HttpStatusCode expected)
    {
        var token = await IssueTokenAsync("s-e2e", "student");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await system.Gateway.SendAsync(request);

        // The service validated the token too (else 401), then answered as a student's call deserves: their own
        // lists, 403 for coordinators' funds, 404 where the service has no resource yet.
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task SampleListings_AreSearchableThroughTheGateway()
    {
        var token = await IssueTokenAsync("s-e2e", "student");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/listings?q=dashboard&workMode=remote");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await system.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var titles = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Contains("Retail sales dashboard", titles);
    }

    [Theory]
    [InlineData("listings")]
    [InlineData("placements")]
    [InlineData("payments")]
    [InlineData("events")]
    public async Task OpenApiDocument_OfEachService_IsRoutedToThatService(string service)
    {
        using var response = await system.Gateway.GetAsync($"/openapi/{service}.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<OpenApiDocument>();
        Assert.StartsWith($"MicroInternships.{char.ToUpperInvariant(service[0])}{service[1..]}", document?.Info.Title);
    }

    private async Task<string> IssueTokenAsync(string subject, string role)
    {
        using var response = await system.Gateway.PostAsJsonAsync("/dev/token", new { sub = subject, role, name = "E2E" });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<Token>();
        return token!.AccessToken;
    }

    private sealed record Health(string Status, Dictionary<string, string> Checks);

    private sealed record Token(string AccessToken, int ExpiresIn);

    private sealed record OpenApiDocument(OpenApiInfo Info);

    private sealed record OpenApiInfo(string Title);
}
