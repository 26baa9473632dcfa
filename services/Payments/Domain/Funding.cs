using MicroInternships.Contracts.Payments;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Payments.Data;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Domain;

/// <summary>
/// What placements hold on funds: reserved when a placement on a funded listing starts, released when a cancelled
/// one's settlement is final (all of it, or what the settled payout does not need), spent when its payout is paid.
/// Each placement has one reservation row, so every step happens once however often, and in whatever order, its
/// events arrive.
/// </summary>
public sealed class Funding(PaymentsDbContext db, FundLedger ledger, TimeProvider clock)
{
    public const string InsufficientFunds = "insufficient_funds";

    /// <summary>Reserves the placement's amount on its listing's fund, or records the refusal and publishes it.</summary>
    /// <param name="payout">The payout opening as this reserves, if it is one, which a refusal names.</param>
    /// <returns>The placement's reservation, or null when its listing names no fund.</returns>
    public async Task<FundReservation?> ReserveAsync(PlacementSnapshot placement, Payout? payout, CancellationToken cancellationToken)
    {
        if (placement.FundId is not { } fundId)
        {
            return null;
        }

        if (await FindAsync(placement.PlacementId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        FundReservation reservation;
        if (await ledger.TryReserveAsync(fundId, placement.AmountCents, placement.Currency, placement.PlacementId, cancellationToken))
        {
            reservation = FundReservation.Reserved(placement.PlacementId, fundId, placement.AmountCents, now);
        }
        else
        {
            reservation = FundReservation.Refused(placement.PlacementId, fundId, placement.AmountCents, InsufficientFunds, now);
            db.AddIntegrationEvent(new FundReservationRefused(
                fundId, placement.PlacementId, placement.AmountCents, placement.Currency, InsufficientFunds, now, payout?.Id, payout?.Attempt,
                await ledger.VersionAsync(fundId, cancellationToken)));
        }

        db.FundReservations.Add(reservation);
        return reservation;
    }

    /// <summary>
    /// Keeps reserved only what the cancelled placement's settled payout needs. A settlement that arrives before the
    /// start reserves just that (or leaves a released row), so the late start reserves nothing.
    /// </summary>
    public async Task SettledAsync(PlacementSnapshot placement, long payableCents, CancellationToken cancellationToken)
    {
        var reservation = await FindAsync(placement.PlacementId, cancellationToken);
        if (reservation is null && placement.FundId is { } fundId)
        {
            if (payableCents > 0)
            {
                await ReserveAsync(placement with { AmountCents = payableCents }, payout: null, cancellationToken);
            }
            else
            {
                db.FundReservations.Add(FundReservation.Released(placement.PlacementId, fundId, clock.GetUtcNow()));
            }

            return;
        }

        if (reservation is not { Status: ReservationStatus.Reserved })
        {
            return;
        }

        var keep = Math.Min(payableCents, reservation.AmountCents);
        await ledger.ReleaseAsync(reservation.FundId, reservation.AmountCents - keep, placement.PlacementId, cancellationToken);
        reservation.MoveTo(keep > 0 ? ReservationStatus.Reserved : ReservationStatus.Released, keep, clock.GetUtcNow());
    }

    public async Task PaidAsync(Payout payout, CancellationToken cancellationToken)
    {
        if (await FindAsync(payout.PlacementId, cancellationToken) is not { Status: ReservationStatus.Reserved } reservation)
        {
            return;
        }

        await ledger.SpendAsync(reservation.FundId, reservation.AmountCents, Math.Min(payout.AmountCents, reservation.AmountCents), payout.PlacementId, cancellationToken);
        reservation.MoveTo(ReservationStatus.Spent, payout.AmountCents, clock.GetUtcNow());
    }

    /// <summary>A coordinator moves an on-hold payout to a fund that can cover it (a topped-up one, or another).</summary>
    /// <returns>False when the fund cannot cover the payout.</returns>
    public async Task<bool> FundOnHoldAsync(Payout payout, Guid fundId, CancellationToken cancellationToken)
    {
        if (!await ledger.TryReserveAsync(fundId, payout.AmountCents, payout.Currency, payout.PlacementId, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (await FindAsync(payout.PlacementId, cancellationToken) is { } reservation)
        {
            reservation.MoveTo(fundId, ReservationStatus.Reserved, payout.AmountCents, now);
        }
        else
        {
            db.FundReservations.Add(FundReservation.Reserved(payout.PlacementId, fundId, payout.AmountCents, now));
        }

        return true;
    }

    private async Task<FundReservation?> FindAsync(Guid placementId, CancellationToken cancellationToken) =>
        db.FundReservations.Local.FirstOrDefault(r => r.PlacementId == placementId)
        ?? await db.Locked<FundReservation>(RowLock.Update, (r => r.PlacementId, placementId)).FirstOrDefaultAsync(cancellationToken);
}
