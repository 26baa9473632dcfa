using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Consumers;

/// <summary>
/// Keeps a listing's <c>filledCount</c> equal to the placements Placements reports running on it. The listing row
/// is locked first, so two placements on one listing are counted one after the other and the last opening taken
/// fills the listing exactly once.
/// </summary>
public sealed partial class SeatCounter(ListingsDbContext db, TimeProvider clock, ILogger<SeatCounter> logger)
{
    public async Task StartedAsync(Guid placementId, Guid listingId, CancellationToken cancellationToken)
    {
        var listing = await LockAsync(listingId, cancellationToken);
        if (await db.PlacementSeats.FindAsync([placementId], cancellationToken) is not null)
        {
            return;
        }

        db.PlacementSeats.Add(new PlacementSeat(placementId, listingId, active: true, clock.GetUtcNow()));
        await RecountAsync(listing, listingId, cancellationToken);
    }

    public async Task CancelledAsync(Guid placementId, Guid listingId, CancellationToken cancellationToken)
    {
        var listing = await LockAsync(listingId, cancellationToken);
        var seat = await db.PlacementSeats.FindAsync([placementId], cancellationToken);
        if (seat is null)
        {
            db.PlacementSeats.Add(new PlacementSeat(placementId, listingId, active: false, clock.GetUtcNow()));
            return;
        }

        if (!seat.Active)
        {
            return;
        }

        seat.Release(clock.GetUtcNow());
        await RecountAsync(listing, listingId, cancellationToken);
    }

    private async Task<Listing?> LockAsync(Guid listingId, CancellationToken cancellationToken)
    {
        var listing = await db.Locked<Listing>(RowLock.Update, (l => l.Id, listingId)).WithDetails().FirstOrDefaultAsync(cancellationToken);
        if (listing is null)
        {
            LogUnknownListing(listingId);
        }

        return listing;
    }

    private async Task RecountAsync(Listing? listing, Guid listingId, CancellationToken cancellationToken)
    {
        if (listing is null)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        var active = await db.PlacementSeats.CountAsync(s => s.ListingId == listingId && s.Active, cancellationToken);
        var now = clock.GetUtcNow();
        object? change = listing.TakeFilledCount(active, now) switch
        {
            PlacementEffect.Filled => new ListingClosed(listing.ToSnapshot(), "filled", now),
            PlacementEffect.Closed => new ListingClosed(listing.ToSnapshot(), "deadline", now),
            PlacementEffect.Reopened => new ListingPublished(listing.ToSnapshot(), now),
            // A count alone is a change too: every version travels, or the other services' copies stay a version behind.
            PlacementEffect.Counted => new ListingUpdated(listing.ToSnapshot(), now),
            _ => null,
        };
        if (change is not null)
        {
            db.AddIntegrationEvent(change);
        }
    }

    [LoggerMessage(LogLevel.Warning, "A placement names listing {ListingId}, which Listings does not have; its seat is recorded without a listing to count it on")]
    private partial void LogUnknownListing(Guid listingId);
}
