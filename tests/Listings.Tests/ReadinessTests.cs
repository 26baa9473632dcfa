using System.Net;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MicroInternships.Hosting;
using MicroInternships.ServiceDefaults.Health;
using MicroInternships.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Npgsql;

namespace MicroInternships.Listings.Tests;

/// <summary>
/// Readiness follows the database: <c>/health</c> fails while PostgreSQL cannot be reached and recovers by itself,
/// while <c>/alive</c> keeps answering (a restart would not help), requests get a 503 within seconds, and the health
/// metric shows the database check failing and recovering.
/// </summary>
[Collection(ListingsCollection.Name)]
public sealed class ReadinessTests
{
    [Fact]
    public async Task WhileTheDatabaseIsUnreachable_HealthIsUnhealthy_AndRequestsAre503_ThenAllRecovers()
    {
        var server = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresServer);
        await using var proxy = new TcpProxy(new Uri($"tcp://127.0.0.1:{server.Port}"));
        await using var factory = new ListingsBehindProxy(proxy.Port);
        await ((IAsyncLifetime)factory).InitializeAsync();
        using var client = factory.CreateClient();
        using var healthMetric = new MetricCollector<int>(factory.Services.GetRequiredService<IMeterFactory>(), HealthCheckMetrics.MeterName, "health.check.healthy");

        await Eventually.HoldsAsync(async () => await ReadyAsync(client) == "Healthy", "ready at start", state: () => DescribeAsync(client));
        await Eventually.HoldsAsync(() => Task.FromResult(DatabaseMetric(healthMetric) == 1), "the metric shows the database check healthy");

        proxy.Cut();
        await Eventually.HoldsAsync(async () => await ReadyAsync(client) == "Unhealthy", "unhealthy with the database gone");
        var checks = await ChecksAsync(client);
        Assert.Contains(checks, check => check.Value == "Unhealthy" && check.Key.Contains("DbContext", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        using var student = factory.CreateClientAs("s-readiness", "student");
        using (var listings = await student.GetAsync("/api/listings"))
        {
            Assert.Equal("5", listings.Headers.RetryAfter?.ToString());
            await listings.ProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        }

        await Eventually.HoldsAsync(() => Task.FromResult(DatabaseMetric(healthMetric) == 0), "the metric shows the database check failing");

        proxy.Restore();
        await Eventually.HoldsAsync(async () => await ReadyAsync(client) == "Healthy", "healthy again with the database back", state: () => DescribeAsync(client));
        await Eventually.HoldsAsync(() => Task.FromResult(DatabaseMetric(healthMetric) == 1), "the metric shows the database check healthy again");
    }

    /// <summary>The gauge's latest value for the database check, or null before the first run.</summary>
    private static int? DatabaseMetric(MetricCollector<int> gauge)
    {
        gauge.RecordObservableInstruments();
        return gauge.GetMeasurementSnapshot().LastOrDefault(m => Equals(m.Tags["check"], "ListingsDbContext"))?.Value;
    }

    private static async Task<string> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString()!;
        Assert.Equal(status == "Healthy" ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, response.StatusCode);
        return status;
    }

    private static async Task<Dictionary<string, string>> ChecksAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetRawText())!;
    }

    private static async Task<string> DescribeAsync(HttpClient client) =>
        string.Join(", ", (await ChecksAsync(client)).Select(check => $"{check.Key}: {check.Value}"));
}
