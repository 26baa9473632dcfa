using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Apis;

/// <summary>
/// What the public program site shows without a token: open listings of organizations that allow it (the gateway
/// limits each address). Applying still needs a sign-in.
/// </summary>
public static class PublicListingsApi
{
    public static IEndpointRouteBuilder MapPublicListingsApi(this IEndpointRouteBuilder app)
    {
        var listings = app.MapGroup("/public/listings")
            .ForVisitors()
            .DescribeProblems();
        listings.MapGet("/", ListingSearch.SearchPublicAsync).WithName("SearchPublicListings")
            .WithSummary("Open listings for visitors: the signed-in search's words and filters, public fields only");
        listings.MapGet("/{id:guid}", GetAsync).WithName("GetPublicListing").WithSummary("One open listing for visitors")
            .Refuses(RuleKind.NotFound, "listing_not_found");
        return app;
    }

    /// <summary>404 for anything but an open listing of an organization that shows its listings to visitors.</summary>
    public static async Task<Ok<PublicListingDto>> GetAsync(Guid id, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking()
            .Where(l => l.Id == id && l.Status == ListingStatus.Open && l.Organization.PublicListings)
            .Select(PublicListingMapping.Projection)
            .FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(listing ?? throw DomainRuleException.NotFound("listing"));
    }
}
