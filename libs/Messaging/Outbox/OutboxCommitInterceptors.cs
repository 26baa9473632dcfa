using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MicroInternships.Messaging.Outbox;

/// <summary>Wakes the relay after outbox rows were saved outside an explicit transaction.</summary>
internal sealed class OutboxSaveChangesInterceptor<TContext>(OutboxSignal<TContext> signal) : SaveChangesInterceptor
    where TContext : DbContext
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    // Inside an explicit transaction the rows are not visible yet; the transaction interceptor notifies on commit.
    private void NotifyIfCommitted(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && context.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            signal.Notify();
        }
    }
}

/// <summary>Wakes the relay after every commit of an explicit transaction: its rows become visible only then.</summary>
internal sealed class OutboxTransactionInterceptor<TContext>(OutboxSignal<TContext> signal) : DbTransactionInterceptor
    where TContext : DbContext
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();
}
