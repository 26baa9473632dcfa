using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.ServiceDefaults.Data;

public static class MigrationExtensions
{
    /// <summary>
    /// Applies <typeparamref name="TContext"/>'s migrations while the host starts, before the server listens,
    /// so a service never reports ready on an old schema.
    /// </summary>
    public static IServiceCollection AddMigration<TContext>(this IServiceCollection services) where TContext : DbContext
    {
        services.AddHostedService<DatabaseMigrator<TContext>>();
        return services;
    }
}
