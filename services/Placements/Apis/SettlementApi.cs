using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroInternships.Placements.Apis;

/// <summary>What a cancelled placement pays: the partner or a coordinator settles it, the student may dispute a settlement below the proposal.</summary>
public static class SettlementApi
{
    public static RouteGroupBuilder MapSettlementApi(this RouteGroupBuilder placements)
    {
        placements.MapPost("/{id:guid}/settlement", SettleAsync).WithName("SettleCancellation")
            .WithSummary("The partner (up to the proposal) or a coordinator (up to the whole amount) decides what a cancelled placement pays")
            .Refuses(RoleRules.SettlementParties)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "settlement_not_pending");
        placements.MapPost("/{id:guid}/settlement/dispute", DisputeAsync).WithName("DisputeSettlement")
            .WithSummary("The student disputes a settlement below the proposal within its dispute period; coordinators decide it")
            .Refuses(RoleRules.ThePlacementStudent)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "settlement_not_disputable");
        return placements;
    }

    public static async Task<Ok<PlacementDto>> SettleAsync(
        Guid id, SettlementRequest request, Caller caller, PlacementsDbContext db, PlacementOutcomes outcomes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await db.InTransactionAsync(async ct =>
        {
            var placement = await PlacementsApi.FindLockedAsync(id, caller, db, ct);
            caller.Require(RoleRules.SettlementParties);
            var (payableCents, reason) = request.Validate();
            var by = caller.IsCoordinator ? SettlementParty.Coordinator : SettlementParty.Partner;
            await outcomes.SettleAsync(placement, by, payableCents, reason, clock.GetUtcNow(), ct);
            return placement;
        }, cancellationToken);
        return TypedResults.Ok(placement.ToDto(caller));
    }

    public static async Task<Ok<PlacementDto>> DisputeAsync(
        Guid id, DisputeRequest request, Caller caller, PlacementsDbContext db, PlacementOutcomes outcomes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await db.InTransactionAsync(async ct =>
        {
            var placement = await PlacementsApi.FindLockedAsync(id, caller, db, ct);
            caller.Require(RoleRules.ThePlacementStudent);
            await outcomes.DisputeAsync(placement, request.Validate(), clock.GetUtcNow(), ct);
            return placement;
        }, cancellationToken);
        return TypedResults.Ok(placement.ToDto(caller));
    }
}
