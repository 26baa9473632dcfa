using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace MicroInternships.ServiceDefaults.Data;

/// <summary>
/// Actions that must happen only once a change is durable (counting it in a metric, say): run when the current
/// transaction commits or, outside one, after the next successful <c>SaveChanges</c>; dropped on rollback or failure.
/// </summary>
public static class CommitHooks
{
    private static readonly ConditionalWeakTable<DbContext, List<Action>> _awaitingSave = [];
    private static readonly ConditionalWeakTable<DbTransaction, List<Action>> _awaitingCommit = [];

    /// <summary>The interceptors that run the hooks; every context that uses <see cref="AfterCommit"/> needs them.</summary>
    public static IInterceptor[] Interceptors { get; } = [new SaveChanges(), new Transactions()];

    /// <remarks>Outside a transaction, call it right before <c>SaveChanges</c>: pooled contexts outlive their requests.</remarks>
    public static void AfterCommit(this DbContext db, Action action)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            _awaitingCommit.GetOrCreateValue(transaction).Add(action);
        }
        else
        {
            _awaitingSave.GetOrCreateValue(db).Add(action);
        }
    }

    private static void Saved(DbContext? db)
    {
        if (db is null || !_awaitingSave.TryGetValue(db, out var actions))
        {
            return;
        }

        _awaitingSave.Remove(db);
        if (db.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            _awaitingCommit.GetOrCreateValue(transaction).AddRange(actions);
        }
        else
        {
            Run(actions);
        }
    }

    private static void SaveFailed(DbContext? db)
    {
        if (db is not null)
        {
            _awaitingSave.Remove(db);
        }
    }

    private static void Ended(DbTransaction transaction, bool committed)
    {
        if (_awaitingCommit.TryGetValue(transaction, out var actions))
        {
            _awaitingCommit.Remove(transaction);
            if (committed)
            {
                Run(actions);
            }
        }
    }

    private static void Run(List<Action> actions)
    {
        foreach (var action in actions)
        {
            action();
        }
    }

    private sealed class SaveChanges : SaveChangesInterceptor
    {
        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Saved(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveFailed(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            SaveFailed(eventData.Context);
            return Task.CompletedTask;
        }
    }

    /// <remarks>
    /// A transaction disposed without an explicit rollback (an exception in an execution strategy) reports no end, and
    /// Npgsql reuses one transaction object per connection: what it left behind is dropped when the next one starts.
    /// </remarks>
    private sealed class Transactions : DbTransactionInterceptor
    {
        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            _awaitingCommit.Remove(result);
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            _awaitingCommit.Remove(result);
            return ValueTask.FromResult(result);
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, committed: true);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(transaction, committed: true);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, committed: false);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(transaction, committed: false);
            return Task.CompletedTask;
        }

        public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Ended(transaction, committed: false);

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(transaction, committed: false);
            return Task.CompletedTask;
        }
    }
}
