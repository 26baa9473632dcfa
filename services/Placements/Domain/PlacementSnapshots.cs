using MicroInternships.Contracts.Placements;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Placements.Domain;

public static class PlacementSnapshots
{
    /// <summary>The placement as events carry it; <paramref name="filledCount"/> of <paramref name="openings"/> are the listing's taken openings after this change.</summary>
    public static PlacementSnapshot ToSnapshot(this Placement placement, int filledCount, int openings) => new(
        placement.Id,
        placement.Version,
        placement.ListingId,
        placement.StudentId,
        placement.StudentName,
        placement.OrganizationId,
        placement.CourseId,
        placement.FundId,
        placement.AmountCents,
        placement.Currency,
        filledCount,
        openings,
        WireName.Of(placement.Status),
        WireName.Of(placement.Settlement),
        placement.ProposedPayableCents,
        placement.PayableCents);
}
