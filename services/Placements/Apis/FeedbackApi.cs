using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Apis;

public sealed record StudentFeedbackRequest(int? Rating, string? Comment);

/// <summary>
/// Both sides' feedback as the caller may see it. A side is null when not given yet, or when it is the other
/// side's and still hidden: until both gave theirs, or until <see cref="RevealsAt"/>.
/// </summary>
public sealed record FeedbackDto(PartnerFeedback? Partner, StudentFeedback? Student, bool Revealed, DateTimeOffset? RevealsAt);

public static class FeedbackApi
{
    public static RouteGroupBuilder MapFeedbackApi(this RouteGroupBuilder placements)
    {
        placements.MapPost("/{id:guid}/student-feedback", GiveAsync).WithName("GiveStudentFeedback")
            .WithSummary("The student rates the partner and the project, once the placement is completed")
            .Refuses(RoleRules.ThePlacementStudent)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "feedback_exists", "placement_wrong_state");
        placements.MapGet("/{id:guid}/feedback", GetAsync).WithName("GetFeedback")
            .WithSummary("Both sides' feedback, each hidden from the other until both gave theirs or the blind period is over")
            .Refuses(RoleRules.FeedbackReaders)
            .Refuses(RuleKind.NotFound, "placement_not_found");
        return placements;
    }

    public static async Task<Created<FeedbackDto>> GiveAsync(
        Guid id, StudentFeedbackRequest request, Caller caller, PlacementsDbContext db, PlacementOutcomes outcomes, TimeProvider clock,
        IOptions<PlacementRules> rules, CancellationToken cancellationToken)
    {
        var placement = await PlacementsApi.FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.ThePlacementStudent);
        new FieldErrors()
            .When(request.Rating is not (>= 1 and <= 5), "rating", "rating must be 1 to 5.")
            .Length("comment", request.Comment, 1, 2000)
            .ThrowIfAny();
        var now = clock.GetUtcNow();
        outcomes.GiveStudentFeedback(placement, request.Rating!.Value, request.Comment!.Trim(), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/placements/{id}/feedback", View(placement, caller, rules.Value, now));
    }

    public static async Task<Ok<FeedbackDto>> GetAsync(
        Guid id, Caller caller, PlacementsDbContext db, TimeProvider clock, IOptions<PlacementRules> rules, CancellationToken cancellationToken)
    {
        var placement = await PlacementsApi.FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.FeedbackReaders);
        return TypedResults.Ok(View(placement, caller, rules.Value, clock.GetUtcNow()));
    }

    private static FeedbackDto View(Placement placement, Caller caller, PlacementRules rules, DateTimeOffset now)
    {
        var revealed = placement.FeedbackRevealed(rules.FeedbackBlindPeriod, now);
        var seesAll = revealed || caller.IsCoordinator;
        return new FeedbackDto(
            seesAll || caller.IsPartner ? placement.PartnerFeedback : null,
            seesAll || caller.IsStudent ? placement.StudentFeedback : null,
            revealed,
            placement.CompletedAt + rules.FeedbackBlindPeriod);
    }
}
