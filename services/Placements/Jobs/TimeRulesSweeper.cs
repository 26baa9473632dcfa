using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Jobs;

/// <summary>What the time rules did in one sweep.</summary>
public sealed record SweepResult(int OffersExpired, int PendingExpired, int AutoApproved, int SettlementsEscalated, int SettlementsFinal, int FeedbackRevealed)
{
    public bool Any => OffersExpired + PendingExpired + AutoApproved + SettlementsEscalated + SettlementsFinal + FeedbackRevealed > 0;
}

/// <summary>
/// Applies the contract's time rules as of now: offers past <c>offerExpiresAt</c> expire; pending applications on a
/// listing closed or filled more than <see cref="PlacementRules.PendingAfterClose"/> ago expire; work the partner
/// left unanswered for <see cref="PlacementRules.ReviewPeriod"/> is approved automatically and paid; a student's
/// cancellation the partner did not settle in time escalates to coordinators (never paid by itself); a settlement
/// nobody disputed in time becomes final and is paid; feedback is revealed (and announced) when the blind period after
/// completion ends. Applications and placements are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and changed by their own aggregate, so replicas sweeping together never expire, approve
/// or settle one twice.
/// </summary>
public sealed class TimeRulesSweeper(
    PlacementsDbContext db, PlacementOutcomes outcomes, TimeProvider clock, IOptions<PlacementRules> rules, IOptions<ClockOptions> options)
{
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var offers = await InBatchesAsync(
            db.Applications,
            limit => $"SELECT * FROM applications WHERE status = 'offered' AND offer_expires_at <= {now} ORDER BY offer_expires_at LIMIT {limit} FOR UPDATE SKIP LOCKED",
            (application, _) => Task.FromResult(application.ExpireOffer(now)),
            cancellationToken);
        var closedBefore = now - rules.Value.PendingAfterClose;
        var stale = await InBatchesAsync(
            db.Applications,
            limit => $"""
                SELECT a.* FROM applications a JOIN listings l ON l.id = a.listing_id
                WHERE a.status IN ('submitted', 'offered')
                  AND (l.status = 'cancelled' OR (l.status IN ('closed', 'filled') AND l.closed_at <= {closedBefore}))
                ORDER BY a.created_at LIMIT {limit} FOR UPDATE OF a SKIP LOCKED
                """,
            (application, _) => Task.FromResult(application.Lapse(now)),
            cancellationToken);

        var submittedBefore = now - rules.Value.ReviewPeriod;
        var approved = await InBatchesAsync(
            db.Placements,
            limit => $"SELECT * FROM placements WHERE status = 'submitted' AND submitted_at <= {submittedBefore} ORDER BY submitted_at LIMIT {limit} FOR UPDATE SKIP LOCKED",
            (placement, ct) => outcomes.ApproveAutomaticallyAsync(placement, now, ct),
            cancellationToken);
        var escalated = await InBatchesAsync(
            db.Placements,
            limit => $"SELECT * FROM placements WHERE settlement = 'pending' AND settlement_due_at <= {now} ORDER BY settlement_due_at LIMIT {limit} FOR UPDATE SKIP LOCKED",
            (placement, ct) => outcomes.EscalateIfDueAsync(placement, now, ct),
            cancellationToken);
        var final = await InBatchesAsync(
            db.Placements,
            limit => $"SELECT * FROM placements WHERE settlement = 'settled' AND settlement_due_at <= {now} ORDER BY settlement_due_at LIMIT {limit} FOR UPDATE SKIP LOCKED",
            (placement, ct) => outcomes.MakeFinalIfDueAsync(placement, now, ct),
            cancellationToken);
        var blindSince = now - rules.Value.FeedbackBlindPeriod;
        var revealed = await InBatchesAsync(
            db.Placements,
            limit => $"""
                SELECT * FROM placements
                WHERE status = 'completed' AND revealed_ratings = 0 AND (partner_feedback IS NOT NULL OR student_feedback IS NOT NULL)
                  AND completed_at <= {blindSince}
                ORDER BY completed_at LIMIT {limit} FOR UPDATE SKIP LOCKED
                """,
            (placement, _) => Task.FromResult(outcomes.RevealFeedbackIfDue(placement, now)),
            cancellationToken);
        return new SweepResult(offers, stale, approved, escalated, final, revealed);
    }

    /// <summary>The rows <paramref name="due"/> claims (given the batch size), a batch at a time, each with <paramref name="apply"/>.</summary>
    /// <returns>How many it changed.</returns>
    private Task<int> InBatchesAsync<T>(DbSet<T> rows, Func<int, FormattableString> due, Func<T, CancellationToken, Task<bool>> apply, CancellationToken cancellationToken)
        where T : class =>
        db.InClaimedBatchesAsync(options.Value.BatchSize, () => rows.FromSql(due(options.Value.BatchSize)), apply, cancellationToken);
}
