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
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await db.InTransactionAsync(CloseBatchAsync, cancellationToken);
            closed += batch;
            if (batch < options.Value.BatchSize)
            {
                break;
            }
        }

        return closed;
    }

    private async Task<int> CloseBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Listings
            .FromSql($"""
                SELECT * FROM listings
                WHERE status = 'open' AND application_deadline <= {now}
                ORDER BY application_deadline
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .WithDetails()
            .ToListAsync(cancellationToken);

        foreach (var listing in due.Where(l => l.CloseIfDeadlinePassed(now)))
        {
            db.AddIntegrationEvent(new ListingClosed(listing.ToSnapshot(), "deadline", now));
        }

        return due.Count;
    }
}
