using System.Data;
using MicroInternships.Insights.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MicroInternships.Insights.Memory;

/// <summary>
/// The facts the figures count, held in memory by each replica and brought up to date before each answer: counting
/// them here answers any filter in milliseconds, where the database read every row of a table for each figure.
/// A refresh reads only the rows written by a transaction that had not finished when the last refresh read
/// (<c>change_xid &gt;= xmin</c> of that read's snapshot), so a slow transaction's rows are read once it commits, and
/// rows read twice just replace themselves. The first answer after a start reads everything. The same read takes the
/// latest moment applied to the small tables, so <see cref="FactTables.AsOf"/> is the whole read model's.
/// </summary>
public sealed class FactsInMemory
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly FactTables _tables = new();
    private long _since;

    /// <summary>Brings the facts up to date, then counts with them; the counting must not wait on anything.</summary>
    internal async Task<T> CountAsync<T>(InsightsDbContext db, Func<FactTables, T> count, CancellationToken cancellationToken)
    {
        await RefreshAsync(db, cancellationToken);
        _lock.EnterReadLock();
        try
        {
            return count(_tables);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private async Task RefreshAsync(InsightsDbContext db, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var (changes, asOf, next) = await ReadChangesAsync(db, _since, cancellationToken);
            _lock.EnterWriteLock();
            try
            {
                changes.ForEach(change => change(_tables));
                _tables.AsOf = Latest(_tables.AsOf, asOf);
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            _since = next;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private static async Task<(List<Action<FactTables>> Changes, DateTimeOffset? AsOf, long Next)> ReadChangesAsync(
        InsightsDbContext db, long since, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"));
        foreach (var (table, columns, _) in FactReads.All)
        {
            var command = new NpgsqlBatchCommand(FactReads.Changed(table, columns));
            command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.Bigint) { Value = since });
            batch.BatchCommands.Add(command);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(FactReads.AsOfOfOtherTables));

        var changes = new List<Action<FactTables>>();
        DateTimeOffset? asOf = null;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var next = reader.GetInt64(0);
        foreach (var (_, _, row) in FactReads.All)
        {
            await reader.NextResultAsync(cancellationToken);
            var appliedAt = reader.FieldCount - 1;
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(row(reader));
                asOf = Latest(asOf, reader.GetFieldValue<DateTimeOffset>(appliedAt));
            }
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        asOf = Latest(asOf, reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0));

        await reader.DisposeAsync();
        await transaction.CommitAsync(cancellationToken);
        return (changes, asOf, next);
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null || b > a ? b : a;
}
