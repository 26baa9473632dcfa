using MicroInternships.Payments.Telemetry;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Data;

/// <summary>
/// Every change to a fund's money, each one conditional statement on the fund's row: concurrent reservations queue
/// on its lock and each re-reads what the one before left, so the budget is never overdrawn (the check constraint
/// backs it). Call inside the transaction that records why the money moved; the metrics count it once that commits.
/// </summary>
public sealed class FundLedger(PaymentsDbContext db, PaymentsMetrics metrics)
{
    /// <returns>False when the fund does not exist, pays in another currency, or cannot cover the amount.</returns>
    public async Task<bool> TryReserveAsync(Guid fundId, long amountCents, string currency, CancellationToken cancellationToken)
    {
        var reserved = await db.Database.ExecuteSqlAsync($"""
            UPDATE funds SET reserved_cents = reserved_cents + {amountCents}
            WHERE id = {fundId} AND currency = {currency} AND budget_cents - reserved_cents - spent_cents >= {amountCents}
            """, cancellationToken) == 1;
        if (reserved)
        {
            db.AfterCommit(() => metrics.Reserved(amountCents));
        }

        return reserved;
    }

    public async Task ReleaseAsync(Guid fundId, long amountCents, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"UPDATE funds SET reserved_cents = reserved_cents - {amountCents} WHERE id = {fundId}", cancellationToken);
        db.AfterCommit(() => metrics.Released(amountCents));
    }

    /// <summary>Turns <paramref name="reservedCents"/> of reservation into <paramref name="spentCents"/> spent (a pro rata payout spends less).</summary>
    public async Task SpendAsync(Guid fundId, long reservedCents, long spentCents, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"UPDATE funds SET reserved_cents = reserved_cents - {reservedCents}, spent_cents = spent_cents + {spentCents} WHERE id = {fundId}",
            cancellationToken);
        db.AfterCommit(() =>
        {
            metrics.Spent(spentCents);
            metrics.Released(reservedCents - spentCents);
        });
    }

    /// <returns>False when the change would leave the budget below what is reserved and spent, or above <see cref="Domain.Fund.MaxBudgetCents"/>.</returns>
    public async Task<bool> TryAdjustBudgetAsync(Guid fundId, long deltaCents, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE funds SET budget_cents = budget_cents + {deltaCents}
            WHERE id = {fundId} AND budget_cents + {deltaCents} >= reserved_cents + spent_cents AND budget_cents + {deltaCents} <= {Domain.Fund.MaxBudgetCents}
            """, cancellationToken) == 1;
}
