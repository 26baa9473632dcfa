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

    private static readonly ActivitySource _activitySource = new("MicroInternships.Migrations");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = _activitySource.StartActivity($"Migrate {typeof(TContext).Name}");
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        // EF Core asks a database for its applied migrations before creating it (and its history table), which logs an
        // error: on a first start both are created here instead, so ops never learn to ignore errors in a healthy start.
        var creator = context.GetService<IRelationalDatabaseCreator>();
        var pending = await creator.ExistsAsync(cancellationToken)
            ? (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count()
            : await CreateAsync(creator, context, cancellationToken);

        // MigrateAsync takes the provider's migration lock, so replicas starting together apply each migration once.
        await context.Database.MigrateAsync(cancellationToken);
        LogMigrated(typeof(TContext).Name, pending);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<int> CreateAsync(IRelationalDatabaseCreator creator, TContext context, CancellationToken cancellationToken)
    {
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (DbException exception) when (exception.SqlState == DuplicateDatabase)
        {
            // Another replica created it a moment ago; the migration lock orders the rest.
        }

        await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);

        return context.Database.GetMigrations().Count();
    }

    [LoggerMessage(LogLevel.Information, "Database of {Context} is up to date ({Applied} migrations applied)")]
    private partial void LogMigrated(string context, int applied);
}
