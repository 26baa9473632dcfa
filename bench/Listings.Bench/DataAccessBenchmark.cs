using System.Diagnostics;
using MicroInternships.Listings.Apis;
using MicroInternships.Listings.Data;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MicroInternships.Listings.Bench;

/// <summary>
/// The data-access tax: one read by key of an organization as the API returns it, through EF Core the way a
/// request does it (a pooled context leased per read) and through raw Npgsql, in one process on one database; and
/// the same read as a partner's request makes it, after the membership gate's read of the caller's membership.
/// Every path runs inside a fresh DI scope, as each request does, so the ratio is what data access costs.
/// </summary>
internal static class DataAccessBenchmark
{
    private const int Organizations = 1_000;

    private static readonly Func<ListingsDbContext, Guid, CancellationToken, Task<OrganizationDto?>> _compiled = EF.CompileAsyncQuery(
        (ListingsDbContext db, Guid id, CancellationToken cancellationToken) => db.Organizations
            .Where(o => o.Id == id)
            .Select(o => new OrganizationDto(o.Id, o.Name, o.Website, o.Description, o.PublicListings, o.CreatedAt))
            .FirstOrDefault());

    public static async Task RunAsync(string[] args)
    {
        var reads = SearchBenchmark.Argument(args, "--reads", 20_000);
        var rounds = Math.Max(1, SearchBenchmark.Argument(args, "--rounds", 5));
        Console.WriteLine($"Data-access benchmark: {reads:N0} reads by key per path, one and eight at a time, in {rounds} interleaved rounds, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

        await using var host = new BenchHost(keepDatabase: false);
        using (var ready = await host.CreateSignedInClient().GetAsync("/api/organizations"))
        {
            ready.EnsureSuccessStatusCode();
        }

        string connectionString;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ListingsDbContext>();
            connectionString = db.Database.GetConnectionString()!;
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO organizations (id, name, website, description, created_at)
                SELECT gen_random_uuid(), 'Partner ' || g, 'https://partner' || g || '.example', 'A partner organization', now()
                FROM generate_series(1, {Organizations}) AS g;
                INSERT INTO memberships (id, organization_id, subject, email, status, created_at, version)
                SELECT gen_random_uuid(), id, 'p-' || id, NULL, 'active', now(), 1 FROM organizations
                """);
        }

        await using var tuned = NpgsqlDataSource.Create(connectionString);
        await using var untuned = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = false, MaxAutoPrepare = 0 }.ConnectionString);
        var ids = await IdsAsync(tuned);
        var random = new Random(7);
        var order = Enumerable.Range(0, reads).Select(_ => ids[random.Next(ids.Count)]).ToArray();

        var paths = new (string Name, Func<Guid, Task<OrganizationDto?>> Read)[]
        {
            ("raw Npgsql (the services' pool settings): the baseline", id => InScopeAsync(host, _ => RawAsync(tuned, id))),
            ("EF Core: compiled query, projected to the response", id => InScopeAsync(host, db => _compiled(db(), id, CancellationToken.None))),
            ("EF Core: compiled, after the membership gate's read", id => InScopeAsync(host, db => AsMemberAsync(db(), id))),
            ("EF Core: FirstOrDefaultAsync, AsNoTracking entity", id => InScopeAsync(host, async db => ToDto(await db().Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id)))),
            ("raw Npgsql with DISCARD ALL and no auto-prepare", id => InScopeAsync(host, _ => RawAsync(untuned, id))),
        };

        foreach (var (_, read) in paths)
        {
            await TimeAsync(order.Take(2_000).ToArray(), read, concurrency: 1);
        }

        // One read at a time measures a read's latency, which on a small virtual machine includes how soon each side is
        // woken for the other's answer; many at once keep both cores busy and measure what a read costs in CPU.
        foreach (var concurrency in new[] { 1, 8 })
        {
            Report(paths.Select(path => path.Name).ToArray(), concurrency, await MeasureAsync(paths.Select(path => path.Read).ToArray(), order, rounds, concurrency));
        }

        Console.WriteLine();
        Console.WriteLine("Reads/s and ratio: medians over the rounds; a ratio is the path's reads/s over the baseline's in the same round (target for EF Core: >= 0.9).");
    }

    /// <summary>
    /// The machine's pace drifts over a run (the host's own start-up work settling, neighbours): every round measures
    /// every path, starting with a different one each time, and each ratio is taken within its round.
    /// </summary>
    private static async Task<double[,]> MeasureAsync(Func<Guid, Task<OrganizationDto?>>[] paths, Guid[] order, int rounds, int concurrency)
    {
        var slice = Math.Max(concurrency, order.Length / rounds);
        var perSecond = new double[paths.Length, rounds];
        for (var round = 0; round < rounds; round++)
        {
            var reading = order.Skip(round * slice % order.Length).Take(slice).ToArray();
            for (var step = 0; step < paths.Length; step++)
            {
                var path = (round + step) % paths.Length;
                perSecond[path, round] = await TimeAsync(reading, paths[path], concurrency);
            }
        }

        return perSecond;
    }

    private static void Report(string[] names, int concurrency, double[,] perSecond)
    {
        var rounds = perSecond.GetLength(1);
        Console.WriteLine();
        Console.WriteLine($"{(concurrency == 1 ? "one read at a time" : $"{concurrency} reads at a time"),-58}{"reads/s",10}{"ratio",8}  ratio per round");
        for (var path = 0; path < names.Length; path++)
        {
            var speeds = Enumerable.Range(0, rounds).Select(round => perSecond[path, round]).ToArray();
            var ratios = Enumerable.Range(0, rounds).Select(round => perSecond[path, round] / perSecond[0, round]).ToArray();
            Console.WriteLine($"{names[path],-58}{Median(speeds),10:N0}{Median(ratios),8:F2}  {string.Join(" ", ratios.Select(ratio => ratio.ToString("F2")))}");
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<double> TimeAsync(Guid[] order, Func<Guid, Task<OrganizationDto?>> read, int concurrency)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var index = Interlocked.Increment(ref next); index < order.Length; index = Interlocked.Increment(ref next))
            {
                if (await read(order[index]) is null)
                {
                    throw new InvalidOperationException($"Organization {order[index]} was not read.");
                }
            }
        }));

        return order.Length / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A partner's read: every service first asks whether the caller is still a member (the membership gate), then reads.</summary>
    private static async Task<OrganizationDto?> AsMemberAsync(ListingsDbContext db, Guid id) =>
        await new Memberships(db).StandingAsync(id, $"p-{id}", CancellationToken.None) == MemberStanding.Active
            ? await _compiled(db, id, CancellationToken.None)
            : throw new InvalidOperationException($"p-{id} is not a member of {id}.");

    /// <summary>A request's scope; the context is leased from the pool only by the paths that use it.</summary>
    private static async Task<OrganizationDto?> InScopeAsync(BenchHost host, Func<Func<ListingsDbContext>, Task<OrganizationDto?>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(() => scope.ServiceProvider.GetRequiredService<ListingsDbContext>());
    }

    private static async Task<OrganizationDto?> RawAsync(NpgsqlDataSource dataSource, Guid id)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name, website, description, public_listings, created_at FROM organizations WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new OrganizationDto(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5))
            : null;
    }

    private static async Task<List<Guid>> IdsAsync(NpgsqlDataSource dataSource)
    {
        var ids = new List<Guid>();
        await using var command = dataSource.CreateCommand("SELECT id FROM organizations");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static OrganizationDto? ToDto(Domain.Organization? organization) => organization is null
        ? null
        : new OrganizationDto(organization.Id, organization.Name, organization.Website, organization.Description, organization.PublicListings, organization.CreatedAt);
}
