using System.Diagnostics;
using System.Globalization;

namespace MicroInternships.Listings.Bench;

/// <summary>
/// Ranked listing search at catalog scale: the API (HTTP pipeline, auth, EF Core, JSON) beside the same ranking
/// query sent straight to PostgreSQL, and beside a naive ILIKE scan, all on one seeded database in one run.
/// </summary>
internal static class SearchBenchmark
{
    public static async Task Main(string[] args)
    {
        if (args.Contains("--data-access"))
        {
            await DataAccessBenchmark.RunAsync(args);
            return;
        }

        var listings = Argument(args, "--listings", 100_000);
        var requests = Argument(args, "--requests", 600);
        Console.WriteLine($"Listing search benchmark: {listings:N0} listings, {requests} requests per path, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

        await using var host = new BenchHost(keepDatabase: args.Contains("--keep"));
        var client = host.CreateSignedInClient();
        using (var ready = await client.GetAsync("/api/listings?limit=1"))
        {
            ready.EnsureSuccessStatusCode();
        }

        var seeding = Stopwatch.StartNew();
        await CatalogSeeder.SeedAsync(host.Database.ConnectionString, listings);
        Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s; listings containing \"data\": {await CatalogSeeder.ShareContainingAsync(host.Database.ConnectionString, "data"):P0}, " +
                          $"\"report\": {await CatalogSeeder.ShareContainingAsync(host.Database.ConnectionString, "report"):P0}, \"chatbot\": {await CatalogSeeder.ShareContainingAsync(host.Database.ConnectionString, "chatbot"):P1}");

        var api = await Latency.MeasureAsync(requests, async i =>
        {
            using var response = await client.GetAsync(SearchQueries.All[i % SearchQueries.All.Count].ApiPath);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        var sql = await Latency.MeasureAsync(requests, i => DirectSql.RankAsync(host.Database.ConnectionString, SearchQueries.All[i % SearchQueries.All.Count]));
        var scan = await Latency.MeasureAsync(Math.Max(12, requests / 20), i => DirectSql.ScanAsync(host.Database.ConnectionString, SearchQueries.All[i % SearchQueries.All.Count]));

        Console.WriteLine();
        Console.WriteLine($"{"path (ranked query + two filters, 20 per page)",-52} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
        Print("API: GET /api/listings?q=…, in-process HTTP", api);
        Print("baseline: the ranking SQL alone (Npgsql)", sql);
        Print("contrast: ILIKE scan, no index, unranked", scan);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ratio API / ranking SQL (p95)",-52} {api.P95 / sql.P95,8:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ratio ILIKE scan / API (p95)",-52} {scan.P95 / api.P95,8:F2}"));
        Console.WriteLine();
        Console.WriteLine($"{"API, query by query",-52} {"p50 ms",8} {"p95 ms",8} {"matches",9}");
        foreach (var query in SearchQueries.All)
        {
            var single = await Latency.MeasureAsync(60, async _ =>
            {
                using var response = await client.GetAsync(query.ApiPath);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            });
            var matches = await DirectSql.CountAsync(host.Database.ConnectionString, query);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.ApiPath[13..],-52} {single.P50,8:F2} {single.P95,8:F2} {matches,9:N0}"));
        }

        Console.WriteLine(api.P95 <= 20 ? "Target met: API p95 <= 20 ms." : "Target missed: API p95 > 20 ms.");
    }

    private static void Print(string name, LatencyResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-52} {r.P50,8:F2} {r.P95,8:F2} {r.P99,8:F2}"));

    public static int Argument(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
