using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MicroInternships.Messaging.Outbox;

/// <summary>
/// Wakes the relay as soon as outbox rows become visible: a save that adds some asks <see cref="CommitHooks"/> to
/// notify once it is committed (right after the save, or when its transaction commits). Commits that wrote no
/// outbox rows wake nobody.
/// </summary>
internal sealed class OutboxWakeUp<TContext>(OutboxSignal<TContext> signal) : SaveChangesInterceptor where TContext : DbContext
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Saving(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added))
        {
            db.AfterCommit(signal.Notify);
        }
    }
}
