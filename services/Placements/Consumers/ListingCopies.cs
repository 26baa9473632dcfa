using MicroInternships.Contracts.Listings;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Consumers;

/// <summary>
/// Keeps Placements' copy of each listing at the newest snapshot Listings published. The row is locked while it is
/// compared, so two events about one listing, consumed from different queues at once, still end at the newer one.
/// </summary>
public sealed class ListingCopies(PlacementsDbContext db, StateTransitionMetrics transitions, TimeProvider clock)
{
    public async Task ApplyAsync(ListingSnapshot snapshot, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var copy = db.Listings.Local.FirstOrDefault(l => l.Id == snapshot.ListingId)
            ?? await db.LockAsync<ListingCopy>(snapshot.ListingId, cancellationToken);
        if (copy is null)
        {
            db.Listings.Add(ListingCopy.From(snapshot, occurredAt));
            return;
        }

        if (copy.Apply(snapshot, occurredAt) && copy.Status == ListingState.Cancelled)
        {
            await ExpirePendingApplicationsAsync(copy.Id, cancellationToken);
        }
    }

    private async Task ExpirePendingApplicationsAsync(Guid listingId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = await db.Applications
            .Where(a => a.ListingId == listingId && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Offered))
            .ExecuteUpdateAsync(a => a
                .SetProperty(x => x.Status, ApplicationStatus.Expired)
                .SetProperty(x => x.DecidedAt, now)
                .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        transitions.CountCommitted(db, "application", ApplicationStatus.Expired, expired);
    }
}
