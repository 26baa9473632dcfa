using Npgsql;

namespace MicroInternships.Listings.Bench;

/// <summary>The API's ranking query written by hand and sent straight to PostgreSQL, and a naive scan to contrast it with.</summary>
internal static class DirectSql
{
    private const string Filters =
        "status = 'open' AND (@work_mode IS NULL OR work_mode = @work_mode) AND (@discipline IS NULL OR discipline_key = @discipline) " +
        "AND (@min_hours IS NULL OR estimated_hours >= @min_hours) AND (@max_hours IS NULL OR estimated_hours <= @max_hours)";

    public static Task RankAsync(string connectionString, SearchQuery query) => ReadAsync(connectionString, query,
        $"""
        SELECT id, ts_rank(rank_vector, websearch_to_tsquery('english', @q)) AS rank
        FROM listings
        WHERE {Filters} AND search_vector @@ websearch_to_tsquery('english', @q)
        ORDER BY rank DESC, id DESC LIMIT 21
        """);

    public static Task ScanAsync(string connectionString, SearchQuery query) => ReadAsync(connectionString, query,
        $"""
        SELECT id FROM listings
        WHERE {Filters} AND (title ILIKE '%' || @q || '%' OR summary ILIKE '%' || @q || '%' OR description ILIKE '%' || @q || '%')
        ORDER BY created_at DESC, id DESC LIMIT 21
        """);

    /// <summary>How many listings the query and its filters match: the rows PostgreSQL has to rank.</summary>
    public static async Task<long> CountAsync(string connectionString, SearchQuery query)
    {
        long count = 0;
        await ReadAsync(connectionString, query, $"SELECT count(*) FROM listings WHERE {Filters} AND search_vector @@ websearch_to_tsquery('english', @q)",
            reader => count = reader.GetInt64(0));
        return count;
    }

    private static async Task ReadAsync(string connectionString, SearchQuery query, string sql, Action<NpgsqlDataReader>? read = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("q", query.Text);
        command.Parameters.Add(new NpgsqlParameter<string?>("work_mode", query.WorkMode) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("discipline", query.Discipline?.ToLowerInvariant()) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int?>("min_hours", query.MinHours) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<int?>("max_hours", query.MaxHours) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            read?.Invoke(reader);
        }
    }
}
