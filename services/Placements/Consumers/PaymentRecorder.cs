using MicroInternships.Contracts.Payments;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Consumers;

/// <summary>Applies what Payments reports to the placement it concerns, with the placement's row locked.</summary>
public sealed partial class PaymentRecorder(PlacementsDbContext db, ILogger<PaymentRecorder> logger)
{
    public async Task RecordAsync(Guid placementId, Action<Placement> record, CancellationToken cancellationToken)
    {
        var placement = await db.LockAsync<Placement>(placementId, cancellationToken);
        if (placement is null)
        {
            LogUnknownPlacement(placementId);
            return;
        }

        record(placement);
    }

    /// <summary>Copies where a payout stands: submitted is still <c>pending</c> to the placement's people.</summary>
    public Task RecordAsync(PayoutSnapshot payout, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        RecordAsync(payout.PlacementId, p => p.RecordPayout(StatusOf(payout), payout.Version, payout.FailureReason, payout.PaidAt ?? occurredAt), cancellationToken);

    private static PaymentStatus StatusOf(PayoutSnapshot payout) => payout.Status switch
    {
        "pending" or "submitted" => PaymentStatus.Pending,
        "on_hold" => PaymentStatus.OnHold,
        "paid" => PaymentStatus.Paid,
        "failed" => PaymentStatus.Failed,
        "returned" => PaymentStatus.Returned,
        _ => throw new InvalidOperationException($"Payments reported a payout as {payout.Status}, which Placements does not know."),
    };

    [LoggerMessage(LogLevel.Warning, "Payments reported on placement {PlacementId}, which Placements does not have; ignored")]
    private partial void LogUnknownPlacement(Guid placementId);
}
