using Microsoft.EntityFrameworkCore;

namespace MicroInternships.ServiceDefaults.Data;

/// <summary>
/// The sweepers' one shape: claim a batch of due rows (the claim query locks them with <c>FOR UPDATE SKIP LOCKED</c>,
/// so replicas sweeping at once split the work), apply a step to each in the same transaction, and commit; batch after
/// batch until one comes back short.
/// </summary>
public static class ClaimedBatches
{
    /// <summary>Claims one batch in a transaction of its own, applies <paramref name="apply"/> to each row and commits.</summary>
    /// <returns>The rows claimed, and how many of them the step changed.</returns>
    public static Task<(IReadOnlyList<T> Claimed, int Changed)> ClaimBatchAsync<T>(
        this DbContext db, Func<IQueryable<T>> claim, Func<T, CancellationToken, Task<bool>> apply, CancellationToken cancellationToken) =>
        db.InTransactionAsync<(IReadOnlyList<T>, int)>(async ct =>
        {
            var claimed = await claim().ToListAsync(ct);
            var changed = 0;
            foreach (var row in claimed)
            {
                changed += await apply(row, ct) ? 1 : 0;
            }

            return (claimed, changed);
        }, cancellationToken);

    /// <summary>Batch after batch of at most <paramref name="batchSize"/> until one is short.</summary>
    /// <returns>How many rows the step changed in all.</returns>
    public static async Task<int> InClaimedBatchesAsync<T>(
        this DbContext db, int batchSize, Func<IQueryable<T>> claim, Func<T, CancellationToken, Task<bool>> apply, CancellationToken cancellationToken)
    {
        var changed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await db.ClaimBatchAsync(claim, apply, cancellationToken);
            changed += batch.Changed;
            if (batch.Claimed.Count < batchSize)
            {
                break;
            }
        }

        return changed;
    }
}
