using Microsoft.EntityFrameworkCore;
using MicroInternships.ServiceDefaults.Data;

namespace MicroInternships.ServiceDefaults.SampleData;

public static class SampleDataSeeding
{
    /// <summary>
    /// Adds the sample data unless <paramref name="isSeeded"/> says it is there, under a transaction-scoped advisory
    /// lock: replicas starting together take turns, so the second finds the first's data instead of adding it again
    /// (or failing on its keys and taking the process down). True when this call added it.
    /// </summary>
    public static Task<bool> SeedOnceAsync(this DbContext db, Func<CancellationToken, Task<bool>> isSeeded, Action seed, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('sample-data'))", ct);
            if (await isSeeded(ct))
            {
                return false;
            }

            seed();
            return true;
        }, cancellationToken);
}
