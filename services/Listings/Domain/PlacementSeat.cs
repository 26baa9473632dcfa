namespace MicroInternships.Listings.Domain;

/// <summary>
/// One placement on a listing as Placements reported it. Counting active seats (rather than adding and
/// subtracting) makes the count right whatever order and however often the events arrive; a cancelled seat is
/// kept as a tombstone, so a late <c>PlacementStarted</c> for it changes nothing.
/// </summary>
public sealed class PlacementSeat(Guid placementId, Guid listingId, bool active, DateTimeOffset recordedAt)
{
    public Guid PlacementId { get; private set; } = placementId;

    public Guid ListingId { get; private set; } = listingId;

    public bool Active { get; private set; } = active;

    public DateTimeOffset RecordedAt { get; private set; } = recordedAt;

    public void Release(DateTimeOffset now)
    {
        Active = false;
        RecordedAt = now;
    }
}
