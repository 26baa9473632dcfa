using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

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
    /// tracing), snake_case names, migrations applied at start-up, and the interceptors that hand the outbox
    /// relay the integration events a commit wrote, and the count of every committed status change.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var signal = new OutboxSignal<TContext>();
        var handOff = new OutboxHandOff<TContext>();
        builder.Services.AddSingleton(signal);
        builder.Services.AddSingleton(handOff);
        builder.Services.AddSingleton<StateTransitionMetrics>();
        builder.AddNpgsqlDbContext<TContext>(connectionName, settings => settings.ConnectionString = Tuned(settings.ConnectionString), options => options
            .UseNpgsql(npgsql => npgsql.EnableRetryOnFailure(MaxDatabaseRetries, MaxDatabaseRetryDelay, errorCodesToAdd: null))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new OutboxWakeUp<TContext>(signal, handOff))
            .AddInterceptors(CommitHooks.Interceptors));
        builder.Services.ConfigureDbContext<TContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<StateTransitionMetrics>().Interceptor));
        builder.Services.AddMigration<TContext>();
        return builder;
    }

    /// <summary>
    /// Three pool settings the connection string may override: no <c>DISCARD ALL</c> round trip each time a pooled
    /// connection is reused (the services keep no session state: no <c>SET</c>, temporary tables or advisory locks),
    /// the hottest statements prepared on the server once per connection instead of parsed and planned per call, and
    /// at most <see cref="MaxPoolSize"/> connections per process, so that every service's pool together stays under
    /// the server's <c>max_connections</c>: a burst then waits for a pooled connection instead of being refused
    /// ("too many clients", measured with Npgsql's default of 100 per service).
    /// </summary>
    public const int MaxPoolSize = 20;

    private static string? Tuned(string? connectionString)
    {
        if (connectionString is null)
        {
            return null;
        }

        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            tuned.NoResetOnClose = true;
        }

        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            tuned.MaxAutoPrepare = 50;
        }

        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            tuned.MaxPoolSize = MaxPoolSize;
        }

        return tuned.ConnectionString;
    }
}
