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

public static class PlacementsApi
{
    public const string Resource = "placement";

    public static IEndpointRouteBuilder MapPlacementsApi(this IEndpointRouteBuilder app)
    {
        var placements = app.MapGroup("/placements").WithTag("Placements", "A student's work on a listing: hours, submission, review, approval or cancellation.").DescribeProblems();
        placements.MapGet("/", ListAsync).WithName("ListPlacements")
            .WithSummary("Placements the caller may see: a student's own, a partner's organization's, a faculty member's courses', or all");
        placements.MapGet("/{id:guid}", GetAsync).WithName("GetPlacement").WithSummary("One placement")
            .Refuses(RuleKind.NotFound, "placement_not_found");
        placements.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitWork").WithSummary("The student hands the work in for review")
            .Refuses(RoleRules.ThePlacementStudent)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "no_time_logged", "placement_wrong_state");
        placements.MapPost("/{id:guid}/request-revision", RequestRevisionAsync).WithName("RequestRevision")
            .WithSummary("The partner asks for changes (at most twice)")
            .Refuses(RoleRules.ThePlacementPartner)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "placement_wrong_state", "revision_limit_reached");
        placements.MapPost("/{id:guid}/approve", ApproveAsync).WithName("ApproveWork")
            .WithSummary("The partner approves the work with a rating and up to three endorsed competencies: the placement completes, its credential is issued and the student is paid")
            .Refuses(RoleRules.ThePlacementPartner)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "placement_wrong_state");
        placements.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelPlacement")
            .WithSummary("End the placement early; a settlement decides what the student is paid for the hours logged")
            .Refuses(RuleKind.Forbidden, "not_placement_party")
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "placement_wrong_state");
        placements.MapSettlementApi();
        placements.MapTimeEntriesApi();
        placements.MapReflectionsApi();
        placements.MapFeedbackApi();
        placements.MapRecordApi();
        placements.MapPlacementCredentialApi();
        return app;
    }

    /// <summary>Coordinators find the settlements waiting for them with <c>?settlement=escalated</c>.</summary>
    public static async Task<Ok<Page<PlacementDto>>> ListAsync(
        string? status, string? settlement, int? limit, string? cursor, Caller caller, PlacementsDbContext db, CancellationToken cancellationToken)
    {
        var statusFilter = EnumFilter.Parse<PlacementStatus>(status, "status");
        var settlementFilter = EnumFilter.Parse<SettlementStatus>(settlement, "settlement");
        var placements = db.Placements.AsNoTracking().VisibleTo(caller, db.CourseLinks);
        if (statusFilter is not null)
        {
            placements = placements.Where(p => p.Status == statusFilter);
        }

        if (settlementFilter is not null)
        {
            placements = placements.Where(p => p.Settlement == settlementFilter);
        }

        return TypedResults.Ok(await placements.ToPageAsync(limit, cursor, p => p.ToDto(caller), cancellationToken));
    }

    public static async Task<Ok<PlacementDto>> GetAsync(Guid id, Caller caller, PlacementsDbContext db, CancellationToken cancellationToken)
    {
        return TypedResults.Ok((await db.FindVisibleAsync<Placement>(id, caller, Resource, cancellationToken)).ToDto(caller));
    }

    public static async Task<Ok<PlacementDto>> SubmitAsync(
        Guid id, SubmitWorkRequest request, Caller caller, PlacementsDbContext db, PlacementOutcomes outcomes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.ThePlacementStudent);
        var (deliverableUrl, note) = request.Validate();
        await outcomes.SubmitAsync(placement, deliverableUrl, note, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(placement.ToDto(caller));
    }

    public static async Task<Ok<PlacementDto>> RequestRevisionAsync(
        Guid id, RevisionRequest request, Caller caller, PlacementsDbContext db, PlacementOutcomes outcomes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.ThePlacementPartner);
        var note = request.Validate();
        await outcomes.RequestRevisionAsync(placement, note, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(placement.ToDto(caller));
    }

    public static async Task<Ok<PlacementDto>> ApproveAsync(
        Guid id, ApprovalRequest request, Caller caller, PlacementsDbContext db, PlacementOutcomes outcomes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await db.InTransactionAsync(async ct =>
        {
            var placement = await FindLockedAsync(id, caller, db, ct);
            caller.Require(RoleRules.ThePlacementPartner);
            var (rating, feedback, endorsements) = request.Validate();
            await outcomes.ApproveAsync(placement, rating, feedback, endorsements, clock.GetUtcNow(), ct);
            return placement;
        }, cancellationToken);
        return TypedResults.Ok(placement.ToDto(caller));
    }

    /// <summary>
    /// The student may cancel while the work is in progress, the partner only while it is active, a coordinator any time
    /// before completion. The partner's and the coordinator's cancellations settle at once (<see cref="PlacementOutcomes.CancelAsync"/>).
    /// </summary>
    public static async Task<Ok<PlacementDto>> CancelAsync(
        Guid id, CancelRequest request, Caller caller, PlacementsDbContext db, PlacementOutcomes outcomes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await db.InTransactionAsync(async ct =>
        {
            var placement = await FindLockedAsync(id, caller, db, ct);
            var allowed = caller.Role switch
            {
                Roles.Coordinator => true,
                Roles.Student => placement.IsInProgress,
                Roles.Partner => placement.Status == PlacementStatus.Active,
                _ => throw DomainRuleException.Forbidden("not_placement_party", "Only the student, the partner or a coordinator cancels a placement."),
            };
            var (reason, payableCents) = request.Validate(caller);
            if (!allowed)
            {
                throw DomainRuleException.Conflict("placement_wrong_state", $"A {caller.Role} cannot cancel a placement that is {Json(placement.Status)}.");
            }

            await outcomes.CancelAsync(placement, caller, reason, payableCents, clock.GetUtcNow(), ct);
            return placement;
        }, cancellationToken);
        return TypedResults.Ok(placement.ToDto(caller));
    }

    internal static Task<Placement> FindAsync(Guid id, Caller caller, PlacementsDbContext db, CancellationToken cancellationToken) =>
        db.FindVisibleAsync<Placement>(id, caller, Resource, cancellationToken);

    /// <summary>
    /// The placement with its row locked first, as the time-rules sweeper locks it, so an approval or cancellation
    /// and a sweep queue one behind the other instead of deadlocking on the workload row.
    /// </summary>
    internal static async Task<Placement> FindLockedAsync(Guid id, Caller caller, PlacementsDbContext db, CancellationToken cancellationToken)
    {
        await db.LockRowAsync<Placement>(id, cancellationToken);
        return await db.FindVisibleAsync<Placement>(id, caller, Resource, cancellationToken);
    }

    private static string Json(PlacementStatus status) => ServiceDefaults.Json.WireName.Of(status);
}
