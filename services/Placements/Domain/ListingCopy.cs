using MicroInternships.Contracts.Listings;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Placements.Domain;

/// <summary>
/// What Placements knows of a listing, built only from Listings' events. <see cref="FilledCount"/> is Placements'
/// own: the placements running on the listing, which it alone decides, so it never waits for Listings to count.
/// </summary>
public sealed class ListingCopy
{
    private ListingCopy()
    {
    }

    public Guid Id { get; private set; }

    public long Version { get; private set; }

    public ListingState Status { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string OrganizationName { get; private set; } = "";

    public string Title { get; private set; } = "";

    public int Openings { get; private set; }

    public int FilledCount { get; private set; }

    public DateTimeOffset ApplicationDeadline { get; private set; }

    public long AmountCents { get; private set; }

    public string Currency { get; private set; } = "";

    public int EstimatedHours { get; private set; }

    public Guid? FundId { get; private set; }

    /// <summary>When it last stopped taking applications (closed or filled); pending applications expire some days later.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsFull => Status == ListingState.Filled || FilledCount >= Openings;

    public bool AcceptsApplications(DateTimeOffset now) => Status == ListingState.Open && ApplicationDeadline > now;

    public static ListingCopy From(ListingSnapshot snapshot, DateTimeOffset occurredAt)
    {
        var copy = new ListingCopy { Id = snapshot.ListingId };
        copy.Apply(snapshot, occurredAt);
        return copy;
    }

    /// <summary>Takes the snapshot if it is newer than what is known; an older or repeated one changes nothing.</summary>
    public bool Apply(ListingSnapshot snapshot, DateTimeOffset occurredAt)
    {
        if (snapshot.Version <= Version || Status == ListingState.Cancelled)
        {
            return false;
        }

        var status = WireName.TryParse<ListingState>(snapshot.Status, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Listing {snapshot.ListingId} arrived with status '{snapshot.Status}'.");
        ClosedAt = status switch
        {
            ListingState.Closed or ListingState.Filled => Status is ListingState.Closed or ListingState.Filled ? ClosedAt ?? occurredAt : occurredAt,
            _ => null,
        };
        Version = snapshot.Version;
        Status = status;
        OrganizationId = snapshot.OrganizationId;
        OrganizationName = snapshot.OrganizationName;
        Title = snapshot.Title;
        Openings = snapshot.Openings;
        ApplicationDeadline = snapshot.ApplicationDeadline;
        AmountCents = snapshot.AmountCents;
        Currency = snapshot.Currency;
        EstimatedHours = snapshot.EstimatedHours;
        FundId = snapshot.FundId;
        return true;
    }
}
