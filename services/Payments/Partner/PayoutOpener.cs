using MicroInternships.Contracts.Placements;
using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Jobs;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Partner;

/// <summary>
/// Opens the one payout a placement earns. The unique index on <c>placement_id</c> is what guarantees one; the
/// look-up first only spares the failed insert in the usual case. The payout is sent to the partner by
/// <see cref="PayoutSubmitter"/> once this transaction has committed.
/// </summary>
public sealed class PayoutOpener(PaymentsDbContext db, Funding funding, JobWakeUp<PayoutSubmissionJob> submission, TimeProvider clock)
{
    public async Task OpenAsync(PlacementSnapshot placement, long amountCents, CancellationToken cancellationToken)
    {
        if (db.Payouts.Local.Any(p => p.PlacementId == placement.PlacementId)
            || await db.Payouts.AnyAsync(p => p.PlacementId == placement.PlacementId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var payout = Payout.Create(
            placement.PlacementId, placement.StudentId, placement.OrganizationId, amountCents, placement.Currency, placement.FundId,
            TraceContinuation.Capture(), now);
        db.Payouts.Add(payout);

        // Usually reserved when the placement started; if that event is still on its way, reserve now.
        if (await funding.ReserveAsync(placement, payout, cancellationToken) is { Status: ReservationStatus.Refused } refused)
        {
            payout.PutOnHold(refused.Reason ?? Funding.InsufficientFunds, now);
        }

        db.AfterCommit(submission.Notify);
    }
}
