using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace MicroInternships.Messaging.Outbox;

/// <summary>
/// Wakes the relay as soon as outbox rows become visible: right after SaveChanges when it committed on its own,
/// or when the explicit transaction it ran in commits. Commits that wrote no outbox rows wake nobody.
/// </summary>
internal sealed class OutboxCommitInterceptors<TContext>(OutboxSignal<TContext> signal) where TContext : DbContext
{
    private readonly ConditionalWeakTable<DbTransaction, object> _transactionsWithEvents = [];

    public IInterceptor[] All => [new SaveChanges(this), new Transactions(this)];

    private void Saved(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            return;
        }

        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            _transactionsWithEvents.AddOrUpdate(transaction, signal);
        }
        else
        {
            signal.Notify();
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (_transactionsWithEvents.Remove(transaction))
        {
            signal.Notify();
        }
    }

    private sealed class SaveChanges(OutboxCommitInterceptors<TContext> owner) : SaveChangesInterceptor
    {
        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            owner.Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            owner.Saved(eventData.Context);
            return result;
        }
    }

    /// <remarks>Npgsql reuses one transaction object per connection, so a failed transaction's mark is cleared when the next starts.</remarks>
    private sealed class Transactions(OutboxCommitInterceptors<TContext> owner) : DbTransactionInterceptor
    {
        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            owner._transactionsWithEvents.Remove(result);
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            owner._transactionsWithEvents.Remove(result);
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            owner.Committed(transaction);
            return Task.CompletedTask;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => owner.Committed(transaction);
    }
}
