using Aspire.Hosting;
using Npgsql;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>Reading a service's database directly, for what its API does not show (outbox rows, a payout's stored status).</summary>
public static class DatabaseQueries
{
    /// <remarks>
    /// Unpooled: a pooled connection left idle here when a test kills the database server would hold the server's
    /// farewell (57P01) and hand it to the next query after the restart.
    /// </remarks>
    public static async Task<T> ScalarAsync<T>(this DistributedApplication app, string database, string sql)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(await app.GetConnectionStringAsync(database)) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Drops a service's whole database (its processes stopped first), as a lost volume would leave it.</summary>
    public static async Task DropDatabaseAsync(this DistributedApplication app, string database)
    {
        var server = new NpgsqlConnectionStringBuilder(await app.GetConnectionStringAsync(database));
        var name = server.Database!;
        server.Database = "postgres";
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
        // The drop ended this process's pooled connections to it too; the next query must not pick a dead one.
        NpgsqlConnection.ClearAllPools();
    }
}
