using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Apis;

public static class ApplicationsApi
{
    private const string Resource = "application";

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/applications").WithTag("Applications", "Students apply to open listings; partners offer or reject; students accept, decline or withdraw.").DescribeProblems();
        applications.MapPost("/", ApplyAsync).WithName("Apply").WithSummary("Apply to an open listing")
            .RequireAuthorization(RoleRules.Applicants.Policy)
            .Refuses(RuleKind.Conflict, "application_exists", "application_rejected", "listing_not_open");
        applications.MapGet("/", ListAsync).WithName("ListApplications")
            .WithSummary("Applications the caller may see: a student's own, a partner's listings', a faculty member's courses', or all");
        applications.MapGet("/{id:guid}", GetAsync).WithName("GetApplication").WithSummary("One application")
            .Refuses(RuleKind.NotFound, "application_not_found");
        applications.MapPost("/{id:guid}/offer", OfferAsync).WithName("OfferPlacement").WithSummary("The partner offers the student the work")
            .Refuses(RoleRules.TheListingOwner)
            .Refuses(RuleKind.NotFound, "application_not_found")
            .Refuses(RuleKind.Conflict, "application_wrong_state", "listing_filled", "listing_not_open");
        applications.MapPost("/{id:guid}/reject", RejectAsync).WithName("RejectApplication").WithSummary("The partner turns the application down")
            .Refuses(RoleRules.TheListingOwner)
            .Refuses(RuleKind.NotFound, "application_not_found")
            .Refuses(RuleKind.Conflict, "application_wrong_state");
        applications.MapPost("/{id:guid}/accept", AcceptAsync).WithName("AcceptOffer")
            .WithSummary("The student accepts the offer: a placement starts, if an opening and the student's workload allow")
            .Refuses(RoleRules.TheApplicant)
            .Refuses(RuleKind.NotFound, "application_not_found")
            .Refuses(RuleKind.Conflict, "application_wrong_state", "listing_filled", "listing_not_open", "offer_expired", "workload_limit_reached");
        applications.MapPost("/{id:guid}/decline", DeclineAsync).WithName("DeclineOffer").WithSummary("The student declines the offer")
            .Refuses(RoleRules.TheApplicant)
            .Refuses(RuleKind.NotFound, "application_not_found")
            .Refuses(RuleKind.Conflict, "application_wrong_state");
        applications.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawApplication").WithSummary("The student withdraws the application")
            .Refuses(RoleRules.TheApplicant)
            .Refuses(RuleKind.NotFound, "application_not_found")
            .Refuses(RuleKind.Conflict, "application_wrong_state");
        return app;
    }

    public static async Task<Created<ApplicationDto>> ApplyAsync(
        ApplyRequest request, Caller caller, PlacementsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (listingId, pitch) = request.Validate();
        var now = clock.GetUtcNow();
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (listing is null || !listing.AcceptsApplications(now))
        {
            throw DomainRuleException.Conflict("listing_not_open", "The listing is not taking applications.");
        }

        if (request.CourseId is { } courseId
            && !await db.CourseLinks.AnyAsync(l => l.CourseId == courseId && l.ListingId == listingId && l.Linked, cancellationToken))
        {
            throw ValidationException.For("courseId", "courseId names no course that builds this listing in.");
        }

        var earlier = await db.Applications
            .Where(a => a.ListingId == listingId && a.StudentId == caller.Id)
            .Select(a => a.Status)
            .ToListAsync(cancellationToken);
        if (earlier.Any(Application.ActiveStatuses.Contains))
        {
            throw DomainRuleException.Conflict("application_exists", "The student already has an active application to this listing.");
        }

        if (earlier.Contains(ApplicationStatus.Rejected))
        {
            throw DomainRuleException.Conflict("application_rejected", "The partner turned down this student's application to this listing.");
        }

        var application = Application.Submit(listing, caller.Id, caller.Name, request.CourseId, pitch, now);
        db.Applications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/applications/{application.Id}", application.ToDto());
    }

    public static async Task<Ok<Page<ApplicationDto>>> ListAsync(
        Guid? listingId, string? status, int? limit, string? cursor, Caller caller, PlacementsDbContext db, CancellationToken cancellationToken)
    {
        var filter = EnumFilter.Parse<ApplicationStatus>(status, "status");
        var applications = db.Applications.AsNoTracking().VisibleTo(caller, db.CourseLinks);
        if (listingId is not null)
        {
            applications = applications.Where(a => a.ListingId == listingId);
        }

        if (filter is not null)
        {
            applications = applications.Where(a => a.Status == filter);
        }

        return TypedResults.Ok(await applications.ToPageAsync(limit, cursor, ApplicationMapping.ToDto, cancellationToken));
    }

    public static async Task<Ok<ApplicationDto>> GetAsync(Guid id, Caller caller, PlacementsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.FindVisibleAsync<Application>(id, caller, Resource, cancellationToken)).ToDto());

    public static Task<Ok<ApplicationDto>> OfferAsync(
        Guid id, Caller caller, PlacementsDbContext db, TimeProvider clock, IOptions<PlacementRules> rules, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, RoleRules.TheListingOwner, async (application, ct) =>
        {
            var listing = await db.Listings.AsNoTracking().FirstAsync(l => l.Id == application.ListingId, ct);
            application.Offer(listing, rules.Value.OfferLifetime, clock.GetUtcNow());
        }, cancellationToken);

    public static Task<Ok<ApplicationDto>> RejectAsync(Guid id, Caller caller, PlacementsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, RoleRules.TheListingOwner, application => application.Reject(clock.GetUtcNow()), cancellationToken);

    public static Task<Ok<ApplicationDto>> DeclineAsync(Guid id, Caller caller, PlacementsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, RoleRules.TheApplicant, application => application.Decline(clock.GetUtcNow()), cancellationToken);

    public static Task<Ok<ApplicationDto>> WithdrawAsync(Guid id, Caller caller, PlacementsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, RoleRules.TheApplicant, application => application.Withdraw(clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Accepting takes one of the listing's openings and one of the student's workload slots, each by a conditional
    /// update in PostgreSQL, in the transaction that starts the placement and writes <c>PlacementStarted</c>.
    /// </summary>
    public static async Task<Created<PlacementDto>> AcceptAsync(
        Guid id, Caller caller, PlacementsDbContext db, Capacity capacity, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await db.InTransactionAsync(async ct =>
        {
            var application = await db.FindVisibleAsync<Application>(id, caller, Resource, ct);
            caller.Require(RoleRules.TheApplicant);
            var now = clock.GetUtcNow();
            application.Accept(now);

            var listing = await db.Listings.AsNoTracking().FirstAsync(l => l.Id == application.ListingId, ct);
            if (listing.Status == ListingState.Cancelled)
            {
                throw DomainRuleException.Conflict("listing_not_open", "The listing was cancelled.");
            }

            await capacity.TakeWorkloadSlotAsync(caller.Id, ct);
            var filledCount = await capacity.TakeOpeningAsync(listing.Id, ct);
            var started = Placement.Start(application, listing, now);
            db.Placements.Add(started);
            db.AddIntegrationEvent(new PlacementStarted(started.ToSnapshot(filledCount, listing.Openings), now));
            return started;
        }, cancellationToken);
        return TypedResults.Created($"/api/placements/{placement.Id}", placement.ToDto(caller));
    }

    private static async Task<Ok<ApplicationDto>> ActAsync(
        Guid id, Caller caller, PlacementsDbContext db, RoleRule actor, Func<Application, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var application = await db.FindVisibleAsync<Application>(id, caller, Resource, cancellationToken);
        caller.Require(actor);
        await action(application, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(application.ToDto());
    }

    private static Task<Ok<ApplicationDto>> ActAsync(
        Guid id, Caller caller, PlacementsDbContext db, RoleRule actor, Action<Application> action, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, actor, (application, _) =>
        {
            action(application);
            return Task.CompletedTask;
        }, cancellationToken);
}
