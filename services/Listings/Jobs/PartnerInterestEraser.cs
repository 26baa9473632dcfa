using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Listings.Jobs;

/// <summary>
/// Deletes the personal data of partner-interest requests that no longer need it: those never confirmed once their
/// link expired, and those declined once <see cref="PartnerInterestOptions.DeclinedRetention"/> passed. Rows are claimed
/// with <c>FOR UPDATE SKIP LOCKED</c>, so replicas split the work.
/// </summary>
public sealed class PartnerInterestEraser(ListingsDbContext db, TimeProvider clock, IOptions<PartnerInterestOptions> options)
{
    /// <returns>How many requests were erased.</returns>
    public Task<int> EraseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var declinedBefore = now - options.Value.DeclinedRetention;
        var batch = options.Value.BatchSize;
        return db.InClaimedBatchesAsync(
            batch,
            () => db.PartnerInterests.FromSql($"""
                SELECT * FROM partner_interests
                WHERE erased_at IS NULL
                  AND ((status = 'unconfirmed' AND confirm_by <= {now}) OR (status = 'declined' AND decided_at <= {declinedBefore}))
                ORDER BY created_at
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED
                """),
            (interest, _) =>
            {
                interest.Erase(now);
                db.AddIntegrationEvent(new PartnerInterestErased(interest.ToSnapshot(), now));
                return Task.FromResult(true);
            },
            cancellationToken);
    }
}
