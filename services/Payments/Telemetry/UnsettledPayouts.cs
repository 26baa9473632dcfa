using MicroInternships.Payments.Data;
using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Telemetry;

/// <summary>Payouts not yet settled, per status: how many, and how long the oldest has waited since it was opened.</summary>
public sealed record UnsettledPayouts(string Status, int Count, double OldestAgeSeconds);

/// <summary>What the funds of one currency can still reserve.</summary>
public sealed record FundsRemaining(string Currency, long Cents);

/// <summary>
/// Samples the payouts nobody has been paid for yet (pending, submitted, failed, on hold) for the
/// <c>payouts.unsettled</c> gauges, "is anyone not getting paid" answered without a query, and what the funds have
/// left for <c>funds.remaining</c>, "will the next placements be covered".
/// </summary>
public sealed class UnsettledPayoutsMonitor(IServiceScopeFactory scopes, PaymentsMetrics metrics, TimeProvider clock, ILogger<UnsettledPayoutsMonitor> logger)
    : PeriodicJob(clock, logger)
{
    private static readonly string[] _statuses = ["pending", "submitted", "failed", "on_hold"];

    protected override TimeSpan Interval => TimeSpan.FromSeconds(15);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var unsettled = await db.Database
            .SqlQuery<UnsettledPayouts>($"""
                SELECT status, count(*)::int AS count, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS oldest_age_seconds
                FROM payouts WHERE status = ANY({_statuses})
                GROUP BY status
                """)
            .ToListAsync(cancellationToken);

        // Every status is reported, zero included, so a dashboard shows a queue emptying rather than a series ending.
        metrics.Observe(_statuses.Select(status => unsettled.FirstOrDefault(u => u.Status == status) ?? new UnsettledPayouts(status, 0, 0)).ToList());

        metrics.Observe(await db.Database
            .SqlQuery<FundsRemaining>($"SELECT currency, sum(budget_cents - reserved_cents - spent_cents)::bigint AS cents FROM funds GROUP BY currency")
            .ToListAsync(cancellationToken));
    }
}
