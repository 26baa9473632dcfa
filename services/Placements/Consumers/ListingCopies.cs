using MicroInternships.Contracts.Listings;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Consumers;

/// <summary>
/// Keeps Placements' copy of each listing at the newest snapshot Listings published. The row is locked while it is
/// compared, so two events about one listing, consumed from different queues at once, still end at the newer one.
/// </summary>
public sealed class ListingCopies(PlacementsDbContext db, TimeProvider clock)
{
    private readonly HashSet<Guid> _absent = [];

    /// <summary>Locks the copies a batch of events is about, in one statement; <see cref="ApplyAsync"/> then needs no round trip to find them.</summary>
    public async Task LockAsync(IEnumerable<ListingSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var ids = snapshots.Select(s => s.ListingId).ToHashSet();
        var found = await db.LockAllAsync<ListingCopy>(ids, cancellationToken);
        ids.ExceptWith(found.Select(copy => copy.Id));
        _absent.Clear();
        _absent.UnionWith(ids);
    }

    public async Task ApplyAsync(ListingSnapshot snapshot, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var copy = db.Listings.Local.FirstOrDefault(l => l.Id == snapshot.ListingId)
            ?? (_absent.Contains(snapshot.ListingId) ? null : await db.LockAsync<ListingCopy>(snapshot.ListingId, cancellationToken));
        if (copy is null)
        {
            db.Listings.Add(ListingCopy.From(snapshot, occurredAt));
            return;
        }

        if (copy.Apply(snapshot, occurredAt) && copy.Status == ListingState.Cancelled)
        {
            await LapsePendingApplicationsAsync(copy.Id, cancellationToken);
        }
    }

    /// <summary>A cancelled listing takes no one: its pending applications expire, saved with the copy (a student's accept racing this loses on the version).</summary>
    private async Task LapsePendingApplicationsAsync(Guid listingId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = await db.Applications
            .Where(a => a.ListingId == listingId && Application.PendingStatuses.Contains(a.Status))
            .ToListAsync(cancellationToken);
        foreach (var application in pending)
        {
            application.Lapse(now);
        }
    }
}
