using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Listings.Jobs;

/// <summary>
/// Closes open listings whose application deadline has passed, publishing <c>ListingClosed</c> (reason
/// <c>deadline</c>) with each. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so replicas sweeping at the
/// same time split the work instead of closing a listing twice.
/// </summary>
public sealed class ListingDeadlineSweeper(ListingsDbContext db, TimeProvider clock, IOptions<DeadlineOptions> options)
{
    /// <returns>How many listings were closed.</returns>
    public Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.InClaimedBatchesAsync(
            options.Value.BatchSize,
            () => db.Listings
                .FromSql($"""
                    SELECT * FROM listings
                    WHERE status = 'open' AND application_deadline <= {now}
                    ORDER BY application_deadline
                    LIMIT {options.Value.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .WithDetails(),
            (listing, _) => Task.FromResult(Close(listing, now)),
            cancellationToken);
    }

    private bool Close(Listing listing, DateTimeOffset now)
    {
        if (!listing.CloseIfDeadlinePassed(now))
        {
            return false;
        }

        db.AddIntegrationEvent(new ListingClosed(listing.ToSnapshot(), "deadline", now));
        return true;
    }
}
