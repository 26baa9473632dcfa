using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Listings.Apis;

public static class ListingsApi
{
    public static IEndpointRouteBuilder MapListingsApi(this IEndpointRouteBuilder app)
    {
        var listings = app.MapGroup("/listings").WithTag("Listings", "Paid projects partners post: drafts, publishing, search, closing.").DescribeProblems();
        listings.MapGet("/", ListingSearch.SearchAsync).WithName("SearchListings")
            .WithSummary("Ranked full-text search over listings, with filters and keyset pages")
            .Refuses(RuleKind.Forbidden, "status_not_visible");
        listings.MapGet("/{id:guid}", GetAsync).WithName("GetListing").WithSummary("One listing")
            .Refuses(RuleKind.NotFound, "listing_not_found");
        listings.MapPost("/", CreateAsync).WithName("CreateListing").WithSummary("Create a draft listing")
            .RequireAuthorization(RoleRules.ListingAuthors.Policy)
            .Refuses(RuleKind.Forbidden, "fund_coordinator_only", "not_own_organization");
        listings.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateListing").WithSummary("Replace a draft or open listing's fields")
            .Refuses(RuleKind.NotFound, "listing_not_found")
            .Refuses(RuleKind.Forbidden, "fund_coordinator_only", "not_listing_owner", "not_own_organization")
            .Refuses(RuleKind.Conflict, "funded_economics_locked", "listing_not_editable", "listing_terms_locked", "openings_below_filled");
        listings.MapPost("/{id:guid}/publish", PublishAsync).WithName("PublishListing").WithSummary("Open a draft for applications")
            .Refuses(RuleKind.NotFound, "listing_not_found")
            .Refuses(RuleKind.Forbidden, "not_listing_owner")
            .Refuses(RuleKind.Conflict, "deadline_passed", "listing_not_draft");
        listings.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseListing").WithSummary("Stop taking applications")
            .Refuses(RuleKind.NotFound, "listing_not_found")
            .Refuses(RuleKind.Forbidden, "not_listing_owner")
            .Refuses(RuleKind.Conflict, "listing_not_open");
        listings.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelListing").WithSummary("Withdraw a draft or open listing")
            .Refuses(RuleKind.NotFound, "listing_not_found")
            .Refuses(RuleKind.Forbidden, "not_listing_owner")
            .Refuses(RuleKind.Conflict, "listing_not_cancellable");
        listings.MapGet("/{id:guid}/course-matches", CourseMatching.CoursesForListingAsync).WithName("ListingCourseMatches")
            .WithSummary("Courses whose skills and disciplines fit this listing, best first: how partners find faculty")
            .Refuses(RuleKind.NotFound, "listing_not_found")
            .Refuses(RuleKind.Forbidden, "not_listing_owner");
        listings.MapPost("/{id:guid}/course-requests", CourseRequestsApi.AskAsync).WithName("RequestCourseAdoption")
            .WithSummary("Ask a course's faculty member to build this listing into the course, or propose it for one of the course's needs")
            .Refuses(RuleKind.NotFound, "listing_not_found")
            .Refuses(RuleKind.Forbidden, "not_listing_owner")
            .Refuses(RoleRules.CourseRequesters)
            .Refuses(RuleKind.Conflict, "already_linked", "listing_not_open", "request_pending", "need_not_open", "too_many_pending_requests");
        return app;
    }

    public static async Task<Ok<ListingDto>> GetAsync(Guid id, Caller caller, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var listing = await ListingReads.VisibleAsync(db, id, caller, cancellationToken);
        return TypedResults.Ok(listing);
    }

    public static async Task<Created<ListingDto>> CreateAsync(
        ListingRequest request, Caller caller, ListingsDbContext db, IOptions<ListingPolicy> policy, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var organizationId = OrganizationFor(caller, request.OrganizationId);
        if (request.FundId is not null && !caller.IsCoordinator)
        {
            throw DomainRuleException.Forbidden("fund_coordinator_only", "Only coordinators assign a fund to a listing.");
        }

        var terms = request.ToTerms(policy.Value, now);
        var organization = await db.Organizations.FindAsync([organizationId], cancellationToken)
            ?? throw ValidationException.For("organizationId", "organizationId names no organization.");

        var listing = Listing.Draft(organization.Id, terms, request.FundId, now);
        db.Listings.Add(listing);
        db.Entry(listing).Reference(l => l.Organization).CurrentValue = organization;
        db.AddIntegrationEvent(new ListingDrafted(listing.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/listings/{listing.Id}", listing.ToDto());
    }

    public static async Task<Ok<ListingDto>> UpdateAsync(
        Guid id, ListingRequest request, HttpContext http, Caller caller, ListingsDbContext db, IOptions<ListingPolicy> policy, TimeProvider clock, CancellationToken cancellationToken)
    {
        var listing = await db.FindManagedAsync(id, caller, cancellationToken);

        // The version is a concurrency token too: a change saved after this read makes SaveChanges fail with 409.
        http.EnsureVersionMatches(listing.Version, "listing");
        var organization = await OrganizationForEditAsync(db, caller, listing, request.OrganizationId, cancellationToken);

        // Partners may leave fundId out (or repeat it); only coordinators change it.
        var fundId = caller.IsCoordinator ? request.FundId : request.FundId ?? listing.FundId;
        if (fundId != listing.FundId && !caller.IsCoordinator)
        {
            throw DomainRuleException.Forbidden("fund_coordinator_only", "Only coordinators assign a fund to a listing.");
        }

        var now = clock.GetUtcNow();
        var terms = request.ToTerms(policy.Value, now);
        if (!caller.IsCoordinator)
        {
            listing.RequireFundedEconomicsUnchanged(terms);
        }

        var wasOpen = listing.Status == ListingStatus.Open;
        listing.Edit(terms, fundId, organization, now);
        if (wasOpen && listing.Status == ListingStatus.Filled)
        {
            db.AddIntegrationEvent(new ListingClosed(listing.ToSnapshot(), "filled", now));
        }
        else
        {
            db.AddIntegrationEvent(new ListingUpdated(listing.ToSnapshot(), now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(listing.ToDto());
    }

    public static Task<Ok<ListingDto>> PublishAsync(Guid id, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, clock, (listing, now) =>
        {
            listing.Publish(now);
            return new ListingPublished(listing.ToSnapshot(), now);
        }, cancellationToken);

    public static Task<Ok<ListingDto>> CloseAsync(Guid id, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, clock, (listing, now) =>
        {
            listing.Close(now);
            return new ListingClosed(listing.ToSnapshot(), "manual", now);
        }, cancellationToken);

    public static Task<Ok<ListingDto>> CancelAsync(Guid id, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, clock, (listing, now) =>
        {
            listing.Cancel(now);
            return new ListingCancelled(listing.ToSnapshot(), now);
        }, cancellationToken);

    private static async Task<Ok<ListingDto>> ChangeAsync(
        Guid id, Caller caller, ListingsDbContext db, TimeProvider clock, Func<Listing, DateTimeOffset, object> change, CancellationToken cancellationToken)
    {
        var listing = await db.FindManagedAsync(id, caller, cancellationToken);
        db.AddIntegrationEvent(change(listing, clock.GetUtcNow()));

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(listing.ToDto());
    }

    /// <summary>
    /// The organization a listing keeps, or a coordinator moves it to: a partner's must be its own (403), another one
    /// must exist (400); once published, the listing refuses the move itself (409).
    /// </summary>
    private static async Task<Organization> OrganizationForEditAsync(
        ListingsDbContext db, Caller caller, Listing listing, Guid? requested, CancellationToken cancellationToken)
    {
        if (requested is not { } organizationId || organizationId == listing.OrganizationId)
        {
            return listing.Organization;
        }

        if (!caller.IsCoordinator)
        {
            throw DomainRuleException.Forbidden("not_own_organization", "A partner's listings stay with its own organization.");
        }

        return await db.Organizations.FindAsync([organizationId], cancellationToken)
            ?? throw ValidationException.For("organizationId", "organizationId names no organization.");
    }

    private static Guid OrganizationFor(Caller caller, Guid? requested)
    {
        if (caller.IsCoordinator)
        {
            return requested ?? throw ValidationException.For("organizationId", "organizationId is required when a coordinator creates a listing.");
        }

        if (caller.OrganizationId is not { } own || (requested is not null && requested != own))
        {
            throw DomainRuleException.Forbidden("not_own_organization", "A partner creates listings for its own organization only.");
        }

        return own;
    }
}
