using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using MicroInternships.ServiceDefaults.Health;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace MicroInternships.Testing;

/// <summary>What every service promises before it has any behaviour: a migrated database, a working broker, identity, its document.</summary>
public abstract partial class ServiceFoundationTests<TProgram>(ServiceFactory<TProgram> factory) where TProgram : class
{
    [Fact]
    public async Task Readiness_IsTheDatabase_NotTheBroker()
    {
        var health = await WaitUntilAsync<HealthStatuses>(factory.CreateClient(), "/health", health => health.Status == "Healthy", TimeSpan.FromSeconds(30));

        Assert.Contains(health.Checks, check => check.Key.EndsWith("DbContext", StringComparison.Ordinal) && check.Value == "Healthy");
        Assert.DoesNotContain("broker-round-trip", health.Checks.Keys);
        Assert.DoesNotContain("masstransit-bus", health.Checks.Keys);
        Assert.DoesNotContain("outbox-backlog", health.Checks.Keys);
    }

    [Fact]
    public async Task HealthDetail_WhenDatabaseMigratedAndBrokerRoundTrips_ReportsEveryCheckHealthy()
    {
        var health = await WaitUntilAsync<HealthDetail>(factory.CreateClient(), "/health/detail", health => health.Status == "Healthy", TimeSpan.FromSeconds(30));

        Assert.Equal("Healthy", health.Checks["broker-round-trip"].Status);
        Assert.Equal("Healthy", health.Checks["masstransit-bus"].Status);
        Assert.Equal("Healthy", health.Checks["outbox-backlog"].Status);
        Assert.True(health.Checks["outbox-backlog"].Data?.ContainsKey("unsent"), "the outbox check reports its figures");
        Assert.Contains(health.Checks, check => check.Key.EndsWith("DbContext", StringComparison.Ordinal) && check.Value.Status == "Healthy");
    }

    [Fact]
    public async Task Alive_AnswersWithoutToken()
    {
        using var response = await factory.CreateClient().GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Startup_AppliesCheckedInMigrations()
    {
        using var _ = await factory.CreateClient().GetAsync("/alive");

        var applied = await factory.Database.ScalarAsync<string>(
            "SELECT string_agg(migration_id, ',' ORDER BY migration_id) FROM \"__EFMigrationsHistory\"");
        Assert.Contains("_InitialCreate", applied);
        Assert.Contains("_AddOutboxAndInbox", applied);
        Assert.True(await factory.Database.ScalarAsync<bool>("SELECT to_regclass('outbox_messages') IS NOT NULL"));
    }

    [Fact]
    public async Task OpenApiDocument_IsServedWithoutToken()
    {
        using var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<OpenApiHeader>();
        Assert.StartsWith("3.", document?.OpenApi);
    }

    /// <summary>The document the running service serves is the one checked into api/ (the build writes it there).</summary>
    [Fact]
    public async Task OpenApiDocument_IsTheOneCheckedIntoApi()
    {
        var name = ServiceFactory<TProgram>.ServiceName;
        var checkedIn = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "api", $"{name}.json")));

        var served = System.Text.Json.Nodes.JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(checkedIn, served),
            $"/openapi/v1.json differs from api/{name}.json: build the service and commit api/.");
    }

    /// <summary>Every request body in the served document comes with an example a client could send (Redocly checks it against the schema).</summary>
    [Fact]
    public async Task OpenApiDocument_ShowsAnExampleOfEveryRequestBody()
    {
        var served = System.Text.Json.Nodes.JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var withoutExample = served["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key.ToUpperInvariant()} {path.Key}", Operation: operation.Value!)))
            .Where(entry => entry.Operation["requestBody"]?["content"] is System.Text.Json.Nodes.JsonObject content
                && content.Any(media => media.Value?["example"] is null))
            .Select(entry => entry.Name)
            .ToList();

        Assert.True(withoutExample.Count == 0, "No request example: " + string.Join(", ", withoutExample));
    }

    [Fact]
    public async Task ApiCall_WithoutToken_Returns401ProblemDetails()
    {
        using var response = await factory.CreateClient().GetAsync("/api/anything");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        Assert.Equal("unauthorized", problem?.Code);
    }

    [Fact]
    public async Task ApiCall_WithTokenSignedByAnotherKey_Returns401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            TestTokens.For("s-1", Roles.Student, signingKey: "an-attacker-s-key-that-is-long-enough-0123"));

        using var response = await client.GetAsync("/api/anything");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiCall_WithValidToken_PassesAuthentication()
    {
        using var client = factory.CreateClientAs("s-1", Roles.Student);

        using var response = await client.GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ApiCall_WithATokenNamingNoSubject_Returns401_Not500()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.WithClaims(new Claim(ClaimNames.Role, Roles.Coordinator)));

        using var response = await client.GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("missing_subject", (await response.Content.ReadFromJsonAsync<Problem>())?.Code);
    }

    [Fact]
    public async Task ApiCall_WithATokenCarryingTwoRoles_Returns401AmbiguousRole()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.WithClaims(
            new Claim(ClaimNames.Subject, "s-two-roles"), new Claim(ClaimNames.Role, Roles.Student), new Claim(ClaimNames.Role, Roles.Coordinator)));

        using var response = await client.GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ambiguous_role", (await response.Content.ReadFromJsonAsync<Problem>())?.Code);
    }

    [Fact]
    public void Startup_OutsideDevelopment_WithAPasswordCommittedForDevelopment_IsRefused()
    {
        using var production = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Identity:Authority", "https://login.example.edu/");
            builder.UseSetting("ConnectionStrings:messaging", "amqp://micro-internships:development-only-rabbitmq@127.0.0.1:1");
        });

        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient()).ToString();

        Assert.Contains("ConnectionStrings:messaging: a secret committed for development", failure);
        Assert.DoesNotContain("development-only-rabbitmq", failure);
    }

    /// <summary>
    /// The rules of the domain know nothing of HTTP or telemetry: they raise <c>DomainRuleException</c>, which the API
    /// answers, and what is measured is measured around them.
    /// </summary>
    [Fact]
    public void TheDomain_UsesNoHttpAndNoTelemetry()
    {
        var domain = typeof(TProgram).Assembly.GetTypes().Where(type => type.Namespace?.EndsWith(".Domain", StringComparison.Ordinal) == true).ToList();

        var used = domain
            .SelectMany(type => TypeDependencies.Of(type).Where(IsHttpOrTelemetry).Select(dependency => $"{type.FullName} uses {dependency.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(domain);
        Assert.True(used.Count == 0, string.Join("\n", used));
    }

    /// <summary>
    /// Status values that SQL names as literals (claim queries, bulk updates, partial indexes; literals on purpose, see
    /// docs/api.md) are wire names of the service's own enums: renaming a member without its SQL fails here.
    /// </summary>
    [Fact]
    public void StatusLiteralsInSql_AreWireNamesOfTheServicesEnums()
    {
        var assembly = typeof(TProgram).Assembly;
        var wireNames = assembly.GetTypes().Where(type => type.IsEnum)
            .SelectMany(type => Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName))
            .ToHashSet(StringComparer.Ordinal);
        var sources = Path.Combine(Repository.Root, "services", assembly.GetName().Name!.Split('.').Last());

        var literals = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => StatusLiterals(File.ReadAllText(file)).Select(literal => (File: Path.GetFileName(file), Literal: literal)))
            .ToList();
        var unknown = literals.Where(found => !wireNames.Contains(found.Literal)).Select(found => $"{found.File}: '{found.Literal}'").ToList();

        Assert.NotEmpty(literals);
        Assert.True(unknown.Count == 0, "Not a wire name of any of the service's enums: " + string.Join(", ", unknown));
    }

    private static IEnumerable<string> StatusLiterals(string source) =>
        StatusComparison().Matches(source).SelectMany(match => Quoted().Matches(match.Groups["values"].Value).Select(value => value.Groups[1].Value));

    [GeneratedRegex(@"\b(?:status|settlement|audience|payment_status|funding_status)\s*(?:=|<>|!=|\bIN\b)\s*(?<values>\(\s*'[a-z_]+'(?:\s*,\s*'[a-z_]+')*\s*\)|'[a-z_]+')")]
    private static partial Regex StatusComparison();

    [GeneratedRegex("'([a-z_]+)'")]
    private static partial Regex Quoted();

    private static bool IsHttpOrTelemetry(Type type) =>
        type.Namespace is { } space
        && (space.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || space.StartsWith("OpenTelemetry", StringComparison.Ordinal)
            || space == "System.Diagnostics.Metrics"
            || space == "MicroInternships.ServiceDefaults.Telemetry"
            || type == typeof(System.Diagnostics.Activity)
            || type == typeof(System.Diagnostics.ActivitySource)
            || type == typeof(ServiceDefaults.Errors.ApiException));

    /// <summary>Health follows start-up (the bus connects in the background), so poll as an orchestrator would.</summary>
    private static async Task<T> WaitUntilAsync<T>(HttpClient client, string path, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync(path);
            var health = await response.Content.ReadFromJsonAsync<T>();
            Assert.NotNull(health);
            if ((response.StatusCode == HttpStatusCode.OK && done(health)) || DateTime.UtcNow > deadline)
            {
                return health;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private sealed record OpenApiHeader(string OpenApi);

    private sealed record Problem(int Status, string? Code);
}
