using Microsoft.EntityFrameworkCore;

namespace MicroInternships.ServiceDefaults.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, saves what it tracked and commits. The work starts from an
    /// empty change tracker and may run again if the connection fails transiently, so it reads what it needs itself.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // A failed save rolls the whole transaction back here, so EF's savepoint around each save would only cost two
        // round trips (SAVEPOINT, RELEASE), with the transaction's locks held.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var result = await work(token);
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                return result;
            }, cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }
}
