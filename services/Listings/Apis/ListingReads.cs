using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Apis;

/// <summary>
/// The hottest read, <c>GET /api/listings/{id}</c>: one compiled query that asks PostgreSQL for the response's columns
/// only (no tracking, no search vectors, no entity to materialize), checked against the caller afterwards.
/// </summary>
public static class ListingReads
{
    private static readonly Func<ListingsDbContext, Guid, CancellationToken, Task<ListingDto?>> _byId = EF.CompileAsyncQuery(
        (ListingsDbContext db, Guid id, CancellationToken cancellationToken) =>
            db.Listings.Where(l => l.Id == id).Select(ListingMapping.Projection).FirstOrDefault());

    /// <summary>404 for a listing the caller may not see, so a draft's existence never leaks.</summary>
    public static async Task<ListingDto> VisibleAsync(ListingsDbContext db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var listing = await _byId(db, id, cancellationToken);
        return listing is not null && (Listing.IsPublicStatus(listing.Status) || caller.IsCoordinator || caller.IsPartnerOf(listing.OrganizationId))
            ? listing
            : throw DomainRuleException.NotFound("listing");
    }
}
