using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MicroInternships.Messaging.Outbox;

/// <summary>
/// Gets committed outbox rows to the relay at once: a save that adds some asks <see cref="CommitHooks"/> to hand them
/// over once they are committed (right after the save, or when its transaction commits), or, while no relay takes
/// hand-offs, to wake one to poll. Commits that wrote no outbox rows disturb nobody.
/// </summary>
internal sealed class OutboxWakeUp<TContext>(OutboxSignal<TContext> signal, OutboxHandOff<TContext> handOff) : SaveChangesInterceptor
    where TContext : DbContext
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
        if (db is null)
        {
            return;
        }

        var added = db.ChangeTracker.Entries<OutboxMessage>()
            .Where(entry => entry.State == EntityState.Added)
            .Select(entry => entry.Entity)
            .ToArray();
        if (added.Length == 0)
        {
            return;
        }

        if (handOff.Lease is { } lease)
        {
            var reservedUntil = DateTimeOffset.UtcNow + lease;
            foreach (var row in added)
            {
                row.ReserveUntil(reservedUntil);
            }

            db.AfterCommit(() => handOff.Offer(added));
        }
        else
        {
            db.AfterCommit(signal.Notify);
        }
    }
}
