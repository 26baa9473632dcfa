using Npgsql;

namespace MicroInternships.Journeys.Bench;

/// <summary>One statement on a service's database, for what a benchmark writes or reads beside the API.</summary>
internal static class DatabaseCommands
{
    public static async Task<T> ScalarAsync<T>(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
