using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace MicroInternships.AppHost.Infrastructure;

/// <summary>Healthy once the server answers a query: a listening socket is not yet a server that accepts work.</summary>
internal sealed class PostgresHealthCheck(ReferenceExpression connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var value = await connectionString.GetValueAsync(cancellationToken);
            await using var connection = new NpgsqlConnection(value + ";Timeout=3;Pooling=false");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer yet.", exception);
        }
    }
}
