using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MicroInternships.Insights.Data;

/// <summary>
/// The statements one inbox batch writes, sent to PostgreSQL in one round trip (an <see cref="NpgsqlBatch"/>) inside
/// the batch's transaction, in the order they were added. Interpolated values become parameters; an instant is written
/// in UTC, as <c>timestamptz</c> takes it.
/// </summary>
public sealed partial class FactBatch
{
    private static readonly ConcurrentDictionary<string, string> _statements = new(StringComparer.Ordinal);
    private readonly List<NpgsqlBatchCommand> _commands = [];

    public int Count => _commands.Count;

    public void Add(FormattableString sql)
    {
        var command = new NpgsqlBatchCommand(_statements.GetOrAdd(sql.Format, static format =>
            Placeholder().Replace(format, match => $"${int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}")));
        foreach (var argument in sql.GetArguments())
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument switch
            {
                null => DBNull.Value,
                DateTimeOffset instant => instant.ToUniversalTime(),
                _ => argument,
            } });
        }

        _commands.Add(command);
    }

    public async Task ExecuteAsync(InsightsDbContext db, CancellationToken cancellationToken)
    {
        if (_commands.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        _commands.Clear();
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
