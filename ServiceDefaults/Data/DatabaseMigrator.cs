using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroInternships.ServiceDefaults.Data;

internal sealed partial class DatabaseMigrator<TContext>(IServiceProvider services, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    private const string DuplicateDatabase = "42P04";

    /// <summary>The advisory lock key replicas of one service take turns on while migrating its database.</summary>
    private const long MigrationLock = 0x4d49_4752_4154_45; // "MIGRATE"

    private static readonly ActivitySource _activitySource = new("MicroInternships.Migrations");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = _activitySource.StartActivity($"Migrate {typeof(TContext).Name}");
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        // EF Core asks a database for its applied migrations before creating it (and its history table), which logs an
        // error: on a first start both are created here instead, so ops never learn to ignore errors in a healthy start.
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await CreateAsync(creator, cancellationToken);
        }

        // Replicas starting together on a new database raced through MigrateAsync (one failed on a table the other had
        // just created), so they take turns under a session advisory lock: the first applies the migrations, the
        // others find none pending. The lock is released explicitly: the pool keeps the connection's session.
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
            try
            {
                await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                await context.Database.MigrateAsync(cancellationToken);
                LogMigrated(typeof(TContext).Name, pending);
            }
            finally
            {
                await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task CreateAsync(IRelationalDatabaseCreator creator, CancellationToken cancellationToken)
    {
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (DbException exception) when (exception.SqlState == DuplicateDatabase)
        {
            // Another replica created it a moment ago; the migration lock orders the rest.
        }
    }

    [LoggerMessage(LogLevel.Information, "Database of {Context} is up to date ({Applied} migrations applied)")]
    private partial void LogMigrated(string context, int applied);
}
