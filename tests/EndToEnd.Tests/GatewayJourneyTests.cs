using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class GatewayJourneyTests(SystemFixture system)
{
    private static readonly string[] _services = ["listings", "placements", "payments", "events", "notifications"];

    [Fact]
    public async Task HealthDetail_ThroughGateway_ReportsEveryServiceWhole()
    {
        // Each service reports Healthy only when its database answers and a ping went through RabbitMQ and back.
        using var response = await system.Gateway.GetAsync("/health/detail");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var service in _services)
        {
            var check = health.GetProperty("checks").GetProperty($"{service}-api");
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            Assert.Equal("Healthy", check.GetProperty("data").GetProperty("reported").GetString());
        }
    }

    [Theory]
    [InlineData("/api/listings")]
    [InlineData("/api/applications")]
    [InlineData("/api/payouts")]
    [InlineData("/api/events")]
    [InlineData("/api/notifications")]
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
    [InlineData("/api/events", HttpStatusCode.OK)]
    public async Task ApiRoute_WithDevelopmentToken_IsAcceptedByTheGatewayAndTheService(string path, HttpStatusCode expected)
    {
        var token = await IssueTokenAsync("s-e2e", "student");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await system.Gateway.SendAsync(request);

        // The service validated the token too (else 401), then answered as a student's call deserves: their own
        // lists, and 403 for the coordinators' funds.
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
    [InlineData("/api/listings?q=dashboard&workMode=remote")]
    [InlineData("/api/events")]
    [InlineData("/api/notifications")]
    [InlineData("/api/placements")]
    [InlineData("/api/payouts")]
    public async Task EveryRoute_AnswersTheSameUnderApiV1_WithTheVersionsReported(string path)
    {
        using var student = system.CreateGatewayClient();
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenAsync("s-e2e-versions", "student"));

        using var canonical = await student.GetAsync(path);
        using var versioned = await student.GetAsync(path.Replace("/api/", "/api/v1/", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, canonical.StatusCode);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal(await canonical.Content.ReadAsStringAsync(), await versioned.Content.ReadAsStringAsync());
        Assert.Equal("1", versioned.Headers.GetValues("api-supported-versions").Single());
        Assert.True(versioned.Headers.CacheControl is { Private: true, NoCache: true }, $"Cache-Control: {versioned.Headers.CacheControl}");
    }

    [Fact]
    public async Task AnonymousRoutes_AnswerUnderApiV1_Too()
    {
        using var student = system.CreateGatewayClient();
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenAsync("s-e2e-versions", "student"));
        var anEvent = (await GatewayCalls.SendAsync(student, HttpMethod.Get, "/api/events")).GetProperty("items")[0].GetProperty("id").GetString();

        using var calendar = await system.Gateway.GetAsync($"/api/v1/events/{anEvent}/calendar.ics");
        using var unknownRecord = await system.Gateway.GetAsync("/api/v1/verify/NO-SUCH-CODE");

        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownRecord.StatusCode);
    }

    [Theory]
    [InlineData("/api/v2/listings")]
    [InlineData("/api/v2/verify/NO-SUCH-CODE")]
    public async Task AVersionTheApiDoesNotHave_IsA404SayingSo_ThroughTheGateway(string path)
    {
        using var student = system.CreateGatewayClient();
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenAsync("s-e2e-versions", "student"));

        using var response = await student.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unsupported_api_version", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task JsonFromTheGateway_IsCompressed_AsTheClientAsks()
    {
        var token = await IssueTokenAsync("s-e2e-compression", "student");
        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/listings?limit=50");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.AcceptEncoding.ParseAdd(encoding);

            using var response = await system.Gateway.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
            await using var body = encoding == "br"
                ? (Stream)new System.IO.Compression.BrotliStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
            var page = await JsonSerializer.DeserializeAsync<JsonElement>(body);
            Assert.True(page.GetProperty("items").GetArrayLength() > 0);
        }
    }

    [Fact]
    public async Task TheApiReference_IsServedAtDocs_WithItsScript()
    {
        using var page = await system.Gateway.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/placements.json", await page.Content.ReadAsStringAsync());
        using var script = await system.Gateway.GetAsync("/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task AForgedWebhook_IsRefusedAtThePaymentsService()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payment-partner")
        {
            Content = new StringContent("""{"type":"payout.paid","data":{"id":"po_forged","reference":"00000000-0000-0000-0000-000000000001","amountCents":1,"currency":"USD"}}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", "msg_forged");
        request.Headers.Add("webhook-timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(new byte[32]));

        using var response = await system.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_signature", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SampleListings_ReachPlacements_SoAStudentCanApplyToOne()
    {
        // Listings publishes its sample listings at its first start, alongside Placements' own start: the events wait
        // in Listings' outbox until Placements' queue is bound, instead of being dropped by RabbitMQ.
        using var student = system.CreateGatewayClient();
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenAsync("s-e2e-sample-applicant", "student"));
        var page = await GatewayCalls.SendAsync(student, HttpMethod.Get, "/api/listings?q=dashboard&workMode=remote");
        var listingId = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == "Retail sales dashboard").GetProperty("id").GetString();

        var application = await GatewayCalls.EventuallyAsync(async () =>
        {
            using var response = await student.PostAsJsonAsync("/api/applications", new { listingId, pitch = "I build dashboards." });
            return response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        });

        Assert.Equal(listingId, application.GetProperty("listingId").GetString());
    }

    [Fact]
    public async Task TheSampleWinterInstitute_IsOpenForRegistration_AndItsAgendaIsPublic()
    {
        var token = await IssueTokenAsync("s-e2e-institute", "student");
        using var student = system.CreateGatewayClient();
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Every page: other tests in this system create events of their own.
        var events = await GatewayCalls.AllPagesAsync(student, "/api/events");
        var open = events.Single(e => e.GetProperty("title").GetString()!.EndsWith("(sample)") && e.GetProperty("registrationClosesAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Contains(events, e => e.GetProperty("title").GetString()!.Contains("2024"));

        using var register = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{open.GetProperty("id").GetString()}/registrations") { Content = JsonContent.Create(new { }) };
        register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var registered = await system.Gateway.SendAsync(register);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        using var calendar = await system.Gateway.GetAsync($"/api/events/{open.GetProperty("id").GetString()}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Contains("TZID=America/Los_Angeles", await calendar.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("listings")]
    [InlineData("placements")]
    [InlineData("payments")]
    [InlineData("events")]
    [InlineData("notifications")]
    public async Task OpenApiDocument_OfEachService_IsRoutedToThatService(string service)
    {
        using var response = await system.Gateway.GetAsync($"/openapi/{service}.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<OpenApiDocument>();
        Assert.Equal($"Micro-Internships {char.ToUpperInvariant(service[0])}{service[1..]} API", document?.Info.Title);
    }

    private async Task<string> IssueTokenAsync(string subject, string role)
    {
        using var response = await system.Gateway.PostAsJsonAsync("/dev/token", new { sub = subject, role, name = "E2E" });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<Token>();
        return token!.AccessToken;
    }

    private sealed record Token(string AccessToken, int ExpiresIn);

    private sealed record OpenApiDocument(OpenApiInfo Info);

    private sealed record OpenApiInfo(string Title);
}
