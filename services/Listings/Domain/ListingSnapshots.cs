using MicroInternships.Contracts.Listings;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Listings.Domain;

public static class ListingSnapshots
{
    /// <summary>Needs the listing's organization and course links loaded.</summary>
    public static ListingSnapshot ToSnapshot(this Listing listing) => new(
        listing.Id,
        listing.Version,
        WireName.Of(listing.Status),
        listing.OrganizationId,
        listing.Organization.Name,
        listing.Title,
        listing.Openings,
        listing.ApplicationDeadline,
        listing.AmountCents,
        listing.Currency,
        listing.EstimatedHours,
        listing.FundId,
        listing.CourseLinks.Select(l => l.CourseId).ToList(),
        listing.Discipline,
        listing.PublishedAt);
}
