using System.Diagnostics;
using MicroInternships.Listings.Apis;
using MicroInternships.Listings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MicroInternships.Listings.Bench;

/// <summary>
/// The data-access tax: one read by key of an organization as the API returns it, through EF Core the way a
/// request does it (a pooled context leased per read) and through raw Npgsql, in one process on one database.
/// Every path runs inside a fresh DI scope, as each request does, so the ratio is what data access costs.
/// </summary>
internal static class DataAccessBenchmark
{
    private const int Organizations = 1_000;

    private static readonly Func<ListingsDbContext, Guid, CancellationToken, Task<OrganizationDto?>> _compiled = EF.CompileAsyncQuery(
        (ListingsDbContext db, Guid id, CancellationToken cancellationToken) => db.Organizations
            .Where(o => o.Id == id)
            .Select(o => new OrganizationDto(o.Id, o.Name, o.Website, o.Description, o.CreatedAt))
            .FirstOrDefault());

    public static async Task RunAsync(string[] args)
    {
        var reads = SearchBenchmark.Argument(args, "--reads", 20_000);
        Console.WriteLine($"Data-access benchmark: {reads:N0} sequential reads by key per path, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

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
                FROM generate_series(1, {Organizations}) AS g
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
            ("EF Core: FirstOrDefaultAsync, AsNoTracking entity", id => InScopeAsync(host, async db => ToDto(await db().Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id)))),
            ("raw Npgsql with DISCARD ALL and no auto-prepare", id => InScopeAsync(host, _ => RawAsync(untuned, id))),
        };

        Console.WriteLine();
        Console.WriteLine($"{"path",-58}{"reads/s",10}{"ratio",8}");
        double? baseline = null;
        foreach (var (name, read) in paths)
        {
            await TimeAsync(order.Take(2_000).ToArray(), read);
            var perSecond = await TimeAsync(order, read);
            baseline ??= perSecond;
            Console.WriteLine($"{name,-58}{perSecond,10:N0}{perSecond / baseline,8:F2}");
        }

        Console.WriteLine();
        Console.WriteLine("Ratio = reads/s of the path over the baseline's, measured in this run (target for EF Core: >= 0.9).");
    }

    private static async Task<double> TimeAsync(Guid[] order, Func<Guid, Task<OrganizationDto?>> read)
    {
        var watch = Stopwatch.StartNew();
        foreach (var id in order)
        {
            if (await read(id) is null)
            {
                throw new InvalidOperationException($"Organization {id} was not read.");
            }
        }

        return order.Length / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A request's scope; the context is leased from the pool only by the paths that use it.</summary>
    private static async Task<OrganizationDto?> InScopeAsync(BenchHost host, Func<Func<ListingsDbContext>, Task<OrganizationDto?>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(() => scope.ServiceProvider.GetRequiredService<ListingsDbContext>());
    }

    private static async Task<OrganizationDto?> RawAsync(NpgsqlDataSource dataSource, Guid id)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name, website, description, created_at FROM organizations WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new OrganizationDto(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4))
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
        : new OrganizationDto(organization.Id, organization.Name, organization.Website, organization.Description, organization.CreatedAt);
}
