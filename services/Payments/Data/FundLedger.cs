using MicroInternships.Contracts.Payments;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Payments.Domain;
using MicroInternships.Payments.Telemetry;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Data;

/// <summary>
/// Every change to a fund's money, each one conditional statement on the fund's row: concurrent reservations queue
/// on its lock and each re-reads what the one before left, so the budget is never overdrawn (the check constraint
/// backs it). Each movement bumps the fund's version and is announced as <see cref="FundChanged"/> with the row it
/// left. Call inside the transaction that records why the money moved; the metrics count it once that commits.
/// </summary>
public sealed class FundLedger(PaymentsDbContext db, PaymentsMetrics metrics, TimeProvider clock)
{
    public const string Created = "created";
    public const string Reserved = "reserved";
    public const string Released = "released";
    public const string Spent = "spent";
    public const string BudgetAdjusted = "budget_adjusted";

    public void Opened(Fund fund) =>
        db.AddIntegrationEvent(new FundChanged(fund.ToSnapshot(), Created, fund.BudgetCents, PlacementId: null, clock.GetUtcNow()));

    /// <returns>False when the fund does not exist, pays in another currency, or cannot cover the amount.</returns>
    public async Task<bool> TryReserveAsync(Guid fundId, long amountCents, string currency, Guid placementId, CancellationToken cancellationToken)
    {
        var reserved = await MoveAsync(Reserved, amountCents, placementId, $"""
            UPDATE funds SET reserved_cents = reserved_cents + {amountCents}, version = version + 1
            WHERE id = {fundId} AND currency = {currency} AND budget_cents - reserved_cents - spent_cents >= {amountCents}
            RETURNING *
            """, cancellationToken);
        if (reserved)
        {
            db.AfterCommit(() => metrics.Reserved(amountCents));
        }

        return reserved;
    }

    public async Task ReleaseAsync(Guid fundId, long amountCents, Guid placementId, CancellationToken cancellationToken)
    {
        if (amountCents == 0)
        {
            return;
        }

        await MoveAsync(Released, amountCents, placementId,
            $"UPDATE funds SET reserved_cents = reserved_cents - {amountCents}, version = version + 1 WHERE id = {fundId} RETURNING *", cancellationToken);
        db.AfterCommit(() => metrics.Released(amountCents));
    }

    /// <summary>Turns <paramref name="reservedCents"/> of reservation into <paramref name="spentCents"/> spent (a pro rata payout spends less).</summary>
    public async Task SpendAsync(Guid fundId, long reservedCents, long spentCents, Guid placementId, CancellationToken cancellationToken)
    {
        await MoveAsync(Spent, spentCents, placementId, $"""
            UPDATE funds SET reserved_cents = reserved_cents - {reservedCents}, spent_cents = spent_cents + {spentCents}, version = version + 1
            WHERE id = {fundId} RETURNING *
            """, cancellationToken);
        db.AfterCommit(() =>
        {
            metrics.Spent(spentCents);
            metrics.Released(reservedCents - spentCents);
        });
    }

    /// <returns>False when the change would leave the budget below what is reserved and spent, or above <see cref="Fund.MaxBudgetCents"/>.</returns>
    public Task<bool> TryAdjustBudgetAsync(Guid fundId, long deltaCents, CancellationToken cancellationToken) =>
        MoveAsync(BudgetAdjusted, deltaCents, placementId: null, $"""
            UPDATE funds SET budget_cents = budget_cents + {deltaCents}, version = version + 1
            WHERE id = {fundId} AND budget_cents + {deltaCents} >= reserved_cents + spent_cents AND budget_cents + {deltaCents} <= {Fund.MaxBudgetCents}
            RETURNING *
            """, cancellationToken);

    /// <summary>The version a refusal saw, null when the fund does not exist.</summary>
    public Task<long?> VersionAsync(Guid fundId, CancellationToken cancellationToken) =>
        db.Funds.Where(f => f.Id == fundId).Select(f => (long?)f.Version).FirstOrDefaultAsync(cancellationToken);

    private async Task<bool> MoveAsync(string change, long amountCents, Guid? placementId, FormattableString update, CancellationToken cancellationToken)
    {
        var moved = await db.Funds.FromSql(update).AsNoTracking().ToListAsync(cancellationToken);
        if (moved is not [var fund])
        {
            return false;
        }

        db.AddIntegrationEvent(new FundChanged(fund.ToSnapshot(), change, amountCents, placementId, clock.GetUtcNow()));
        return true;
    }
}
