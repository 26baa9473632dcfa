using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MicroInternships.Messaging;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// A short retry budget for transient database errors: a request answers 503 within seconds of an outage instead of
    /// holding its caller for the minute Npgsql's default budget takes; consumers have MassTransit's retries on top.
    /// </summary>
    private const int MaxDatabaseRetries = 3;

    private static readonly TimeSpan MaxDatabaseRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A service's own PostgreSQL database through Aspire's EF Core integration (pooling, retries, health check,
    /// tracing), snake_case names, migrations applied at start-up, and the interceptors that wake the outbox
    /// relay right after a commit that wrote integration events, and the count of every committed status change.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var signal = new OutboxSignal<TContext>();
        builder.Services.AddSingleton(signal);
        builder.Services.AddSingleton<StateTransitionMetrics>();
        builder.AddNpgsqlDbContext<TContext>(connectionName, configureDbContextOptions: options => options
            .UseNpgsql(npgsql => npgsql.EnableRetryOnFailure(MaxDatabaseRetries, MaxDatabaseRetryDelay, errorCodesToAdd: null))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new OutboxCommitInterceptors<TContext>(signal).All)
            .AddInterceptors(CommitHooks.Interceptors));
        builder.Services.ConfigureDbContext<TContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<StateTransitionMetrics>().Interceptor));
        builder.Services.AddMigration<TContext>();
        return builder;
    }
}
