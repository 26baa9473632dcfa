using MicroInternships.Contracts.Payments;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Payments.Domain;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.Telemetry;

namespace MicroInternships.Payments.Data;

/// <summary>
/// Every change of a payout, announced from the one place all of them pass: the save that writes it. Payouts change
/// in consumers, webhooks, the submitter and the coordinators' routes; each change is one event with the version it
/// made, in the same transaction, on the payout's own trace.
/// </summary>
internal static class PayoutEvents
{
    public static void Announce(PaymentsDbContext db)
    {
        foreach (var payout in db.ChangeTracker.Entries<Payout>().Select(entry => entry.Entity).ToList())
        {
            foreach (var change in payout.TakeChanges())
            {
                db.AddIntegrationEvent(EventFor(payout, change), JourneyOf(payout));
            }
        }
    }

    /// <summary>
    /// A payout's events continue the trace of the journey that opened it, as its submission and webhooks do, whichever
    /// span is current when the change is saved (a webhook's has ended by then).
    /// </summary>
    private static (string? TraceParent, string? TraceState) JourneyOf(Payout payout) =>
        payout.TraceParent is null ? TraceContinuation.Capture() : (payout.TraceParent, payout.TraceState);

    private static object EventFor(Payout payout, PayoutChange change)
    {
        var snapshot = new PayoutSnapshot(
            payout.Id, change.Version, payout.PlacementId, payout.StudentId, payout.OrganizationId, payout.AmountCents, payout.Currency,
            change.FundId, WireName.Of(change.Status), change.Attempt, change.FailureReason, change.Flagged, change.PaidAt);
        var at = change.At;
        return change.Kind switch
        {
            PayoutChangeKind.Opened => new PayoutOpened(snapshot, at),
            PayoutChangeKind.OnHold => new PayoutOnHold(snapshot, change.Reason!, at),
            PayoutChangeKind.Funded => new PayoutFunded(snapshot, at),
            PayoutChangeKind.Submitted => new PayoutSubmitted(snapshot, at),
            PayoutChangeKind.Retried => new PayoutRetried(snapshot, at),
            PayoutChangeKind.Flagged => new PayoutFlagged(snapshot, change.Reason!, at),
            PayoutChangeKind.Paid => new PayoutPaid(payout.Id, change.Version, payout.PlacementId, change.Attempt, payout.AmountCents, payout.Currency, at, snapshot),
            PayoutChangeKind.Failed => new PayoutFailed(
                payout.Id, change.Version, payout.PlacementId, change.Attempt, payout.AmountCents, payout.Currency, change.FailureReason!, at, snapshot),
            PayoutChangeKind.Returned => new PayoutReturned(
                payout.Id, change.Version, payout.PlacementId, change.Attempt, payout.AmountCents, payout.Currency, change.FailureReason!, at, snapshot),
            _ => throw new InvalidOperationException($"A payout cannot change by {change.Kind}."),
        };
    }
}
