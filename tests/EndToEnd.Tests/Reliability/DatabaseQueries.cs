using Aspire.Hosting;
using Npgsql;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>Reading a service's database directly, for what its API does not show (outbox rows, a payout's stored status).</summary>
public static class DatabaseQueries
{
    public static async Task<T> ScalarAsync<T>(this DistributedApplication app, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
