using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Data;

public static class ListingQueries
{
    public static IQueryable<Listing> WithDetails(this IQueryable<Listing> listings) =>
        listings.Include(l => l.Organization).Include(l => l.CourseLinks);

    /// <summary>The listing if <paramref name="caller"/> may see it; 404 otherwise, so a draft's existence never leaks.</summary>
    public static Task<Listing> FindVisibleAsync(this ListingsDbContext db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        db.FindListingAsync(id, listing => listing.IsPublic || CanManage(listing, caller), cancellationToken);

    /// <summary>
    /// A listing to take out of a course: any the caller may see, and also one cancelled after it was published, which
    /// the course's faculty no longer sees but may still unlink, again and again (it was public once; a draft never was).
    /// </summary>
    public static Task<Listing> FindUnlinkableAsync(this ListingsDbContext db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        db.FindListingAsync(id, listing => listing.IsPublished || CanManage(listing, caller), cancellationToken);

    /// <summary>The listing if <paramref name="caller"/> owns it (its partner organization, or a coordinator); 403 if only visible.</summary>
    public static async Task<Listing> FindManagedAsync(this ListingsDbContext db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var listing = await db.FindVisibleAsync(id, caller, cancellationToken);
        return CanManage(listing, caller)
            ? listing
            : throw DomainRuleException.Forbidden("not_listing_owner", "Only the listing's organization or a coordinator may do this.");
    }

    /// <summary>The listing if <paramref name="mayFind"/> says so; 404 otherwise, whether or not it exists.</summary>
    private static async Task<Listing> FindListingAsync(this ListingsDbContext db, Guid id, Func<Listing, bool> mayFind, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.WithDetails().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return listing is not null && mayFind(listing) ? listing : throw DomainRuleException.NotFound("listing");
    }

    public static bool CanManage(Listing listing, Caller caller) => caller.IsCoordinator || caller.IsPartnerOf(listing.OrganizationId);
}
