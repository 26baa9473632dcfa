using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Jobs;

/// <summary>What the time rules did in one sweep.</summary>
public sealed record SweepResult(int OffersExpired, int PendingExpired, int AutoApproved, int SettlementsEscalated, int SettlementsFinal)
{
    public bool Any => OffersExpired + PendingExpired + AutoApproved + SettlementsEscalated + SettlementsFinal > 0;
}

/// <summary>
/// Applies the contract's time rules as of now: offers past <c>offerExpiresAt</c> expire; pending applications on a
/// listing closed or filled more than <see cref="PlacementRules.PendingAfterClose"/> ago expire; work the partner
/// left unanswered for <see cref="PlacementRules.ReviewPeriod"/> is approved automatically and paid; a student's
/// cancellation the partner did not settle in time escalates to coordinators (never paid by itself); a settlement
/// nobody disputed in time becomes final and is paid. Placements are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so
/// replicas sweeping together never approve or settle one twice.
/// </summary>
public sealed class TimeRulesSweeper(
    PlacementsDbContext db, PlacementOutcomes outcomes, StateTransitionMetrics transitions, TimeProvider clock, IOptions<PlacementRules> rules, IOptions<ClockOptions> options)
{
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var offers = await ExpireAsync(db.Applications.Where(a => a.Status == ApplicationStatus.Offered && a.OfferExpiresAt <= now), now, cancellationToken);
        var closedBefore = now - rules.Value.PendingAfterClose;
        var stale = await ExpireAsync(
            db.Applications.Where(a => (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Offered)
                && db.Listings.Any(l => l.Id == a.ListingId
                    && (l.Status == ListingState.Cancelled || ((l.Status == ListingState.Closed || l.Status == ListingState.Filled) && l.ClosedAt <= closedBefore)))),
            now,
            cancellationToken);

        var submittedBefore = now - rules.Value.ReviewPeriod;
        var approved = await InBatchesAsync(
            limit => $"SELECT * FROM placements WHERE status = 'submitted' AND submitted_at <= {submittedBefore} ORDER BY submitted_at LIMIT {limit} FOR UPDATE SKIP LOCKED",
            (placement, ct) => outcomes.ApproveAutomaticallyAsync(placement, now, ct),
            cancellationToken);
        var escalated = await InBatchesAsync(
            limit => $"SELECT * FROM placements WHERE settlement = 'pending' AND settlement_due_at <= {now} ORDER BY settlement_due_at LIMIT {limit} FOR UPDATE SKIP LOCKED",
            (placement, _) => Task.FromResult(placement.EscalateIfDue(now)),
            cancellationToken);
        var final = await InBatchesAsync(
            limit => $"SELECT * FROM placements WHERE settlement = 'settled' AND settlement_due_at <= {now} ORDER BY settlement_due_at LIMIT {limit} FOR UPDATE SKIP LOCKED",
            (placement, ct) => outcomes.MakeFinalIfDueAsync(placement, now, ct),
            cancellationToken);
        return new SweepResult(offers, stale, approved, escalated, final);
    }

    private async Task<int> ExpireAsync(IQueryable<Application> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = await due.ExecuteUpdateAsync(a => a
            .SetProperty(x => x.Status, ApplicationStatus.Expired)
            .SetProperty(x => x.DecidedAt, now)
            .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        transitions.CountCommitted(db, "application", ApplicationStatus.Expired, expired);
        return expired;
    }

    /// <summary>The placements <paramref name="due"/> claims (given the batch size), a batch at a time, each with <paramref name="apply"/>.</summary>
    /// <returns>How many it changed.</returns>
    private Task<int> InBatchesAsync(Func<int, FormattableString> due, Func<Placement, CancellationToken, Task<bool>> apply, CancellationToken cancellationToken) =>
        db.InClaimedBatchesAsync(options.Value.BatchSize, () => db.Placements.FromSql(due(options.Value.BatchSize)), apply, cancellationToken);
}
