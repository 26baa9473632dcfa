using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Placements.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Domain;

/// <summary>
/// How a placement ends, by hand or by the clock: the state change, the capacity it gives back and the event
/// Payments pays on, all in the caller's transaction.
/// </summary>
public sealed class PlacementOutcomes(PlacementsDbContext db, Capacity capacity, IOptions<PlacementRules> rules)
{
    public Task ApproveAsync(Placement placement, int rating, string feedback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        placement.Approve(rating, feedback, VerificationCodes.New(), now);
        return CompletedAsync(placement, now, cancellationToken);
    }

    /// <returns>False when the placement is not due for automatic approval.</returns>
    public async Task<bool> ApproveAutomaticallyAsync(Placement placement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!placement.ApproveAutomatically(rules.Value.ReviewPeriod, VerificationCodes.New(), now))
        {
            return false;
        }

        await CompletedAsync(placement, now, cancellationToken);
        return true;
    }

    public async Task CancelAsync(Placement placement, string cancelledBy, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        placement.Cancel(cancelledBy, reason, now);
        await capacity.ReleaseWorkloadSlotAsync(placement.StudentId, cancellationToken);
        await capacity.ReleaseOpeningAsync(placement.ListingId, cancellationToken);
        var (filled, openings) = await OpeningsAsync(placement.ListingId, cancellationToken);
        db.AddIntegrationEvent(new PlacementCancelled(placement.ToSnapshot(filled, openings), placement.PayableCents ?? 0, now));
    }

    private async Task CompletedAsync(Placement placement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await capacity.ReleaseWorkloadSlotAsync(placement.StudentId, cancellationToken);
        var (filled, openings) = await OpeningsAsync(placement.ListingId, cancellationToken);
        db.AddIntegrationEvent(new PlacementCompleted(placement.ToSnapshot(filled, openings), placement.AutoApproved, now));
    }

    private async Task<(int Filled, int Openings)> OpeningsAsync(Guid listingId, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking().Where(l => l.Id == listingId).Select(l => new { l.FilledCount, l.Openings }).FirstAsync(cancellationToken);
        return (listing.FilledCount, listing.Openings);
    }
}
