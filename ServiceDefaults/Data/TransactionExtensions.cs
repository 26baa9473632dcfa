using Microsoft.EntityFrameworkCore;

namespace MicroInternships.ServiceDefaults.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, saves what it tracked and commits. The work starts from an
    /// empty change tracker and may run again if the connection fails transiently, so it reads what it needs itself.
    /// Inside a transaction already open (a request with an <c>Idempotency-Key</c>), the work joins it and commits
    /// with it, and a failure rolls back the whole request instead of being retried here.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // A failed save rolls the whole transaction back here, so EF's savepoint around each save would only cost two
        // round trips (SAVEPOINT, RELEASE), with the transaction's locks held.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            if (db.Database.CurrentTransaction is not null)
            {
                return await SaveAsync(db, work, cancellationToken);
            }

            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var result = await SaveAsync(db, work, token);
                await transaction.CommitAsync(token);
                return result;
            }, cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private static async Task<T> SaveAsync<T>(DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var result = await work(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
