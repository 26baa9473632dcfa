using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Jobs;

/// <summary>What the time rules did in one sweep.</summary>
public sealed record SweepResult(int OffersExpired, int PendingExpired, int AutoApproved)
{
    public bool Any => OffersExpired + PendingExpired + AutoApproved > 0;
}

/// <summary>
/// Applies the contract's time rules as of now: offers past <c>offerExpiresAt</c> expire; pending applications on a
/// listing closed or filled more than <see cref="PlacementRules.PendingAfterClose"/> ago expire; work the partner
/// left unanswered for <see cref="PlacementRules.ReviewPeriod"/> is approved automatically and paid. Placements are
/// claimed with <c>FOR UPDATE SKIP LOCKED</c>, so replicas sweeping together never approve one twice.
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

        var approved = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await db.InTransactionAsync(ct => ApproveDueBatchAsync(now, ct), cancellationToken);
            approved += batch;
            if (batch < options.Value.BatchSize)
            {
                break;
            }
        }

        return new SweepResult(offers, stale, approved);
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

    private async Task<int> ApproveDueBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var submittedBefore = now - rules.Value.ReviewPeriod;
        var due = await db.Placements
            .FromSql($"""
                SELECT * FROM placements
                WHERE status = 'submitted' AND submitted_at <= {submittedBefore}
                ORDER BY submitted_at
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var placement in due)
        {
            await outcomes.ApproveAutomaticallyAsync(placement, now, cancellationToken);
        }

        return due.Count;
    }
}
