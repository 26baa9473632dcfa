using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Payments.Domain;

/// <summary>
/// The one payment a placement earns: <c>pending -> submitted -> paid | failed</c>, <c>pending -> paid | failed</c>
/// (a webhook may beat the submission's answer), <c>failed -> pending</c> on retry (a new attempt),
/// <c>paid -> returned</c>, and <c>on_hold</c> while its fund cannot cover it (<c>on_hold -> pending</c> once funded).
/// The partner's two reports on one attempt are read in the partner's order (their timestamps): a payment reported
/// after a failure makes it <c>paid</c>, a payment from before a failure that arrives after it makes it <c>returned</c>,
/// both flagged. Never backwards: every change
/// bumps <see cref="Version"/> and is kept in <see cref="Changes"/> until the save announces it.
/// </summary>
public sealed class Payout : ICreatedInOrder, IHasAmount
{
    private readonly List<PayoutAttempt> _attempts = [];
    private readonly List<PayoutChange> _changes = [];

    private Payout()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlacementId { get; private set; }

    public string StudentId { get; private set; } = "";

    public Guid OrganizationId { get; private set; }

    public long AmountCents { get; private set; }

    public string Currency { get; private set; } = "";

    public Guid? FundId { get; private set; }

    public PayoutStatus Status { get; private set; }

    public int Attempt { get; private set; }

    public IReadOnlyList<PayoutAttempt> Attempts => _attempts;

    public string? FailureReason { get; private set; }

    public bool Flagged { get; private set; }

    public string? FlagReason { get; private set; }

    /// <summary>When the submitter may next try to send the current attempt; pushed ahead while one is in flight.</summary>
    public DateTimeOffset? SubmitAfter { get; private set; }

    /// <summary>How many times the current attempt hit a transient failure, for the backoff.</summary>
    public int TransientFailures { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The W3C trace of the event that opened it: its submission and webhooks continue that journey's trace.</summary>
    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }

    public PayoutAttempt CurrentAttempt => _attempts.Single(a => a.Number == Attempt);

    /// <summary>The changes made since it was loaded or last saved, oldest first.</summary>
    public IReadOnlyList<PayoutChange> Changes => _changes;

    public static Payout Create(
        Guid placementId, string studentId, Guid organizationId, long amountCents, string currency, Guid? fundId,
        (string? Parent, string? State) trace, DateTimeOffset now)
    {
        var payout = new Payout
        {
            Id = Guid.CreateVersion7(now),
            PlacementId = placementId,
            StudentId = studentId,
            OrganizationId = organizationId,
            AmountCents = amountCents,
            Currency = currency,
            FundId = fundId,
            Status = PayoutStatus.Pending,
            Attempt = 1,
            SubmitAfter = now,
            CreatedAt = now,
        };
        (payout.TraceParent, payout.TraceState) = trace;
        payout._attempts.Add(PayoutAttempt.Open(payout.Id, 1));
        payout.Changed(PayoutChangeKind.Opened, now);
        return payout;
    }

    /// <summary>Its fund could not cover it as it opened: it waits for a coordinator instead of being sent.</summary>
    public void PutOnHold(string reason, DateTimeOffset now)
    {
        SubmitAfter = null;
        Move(PayoutStatus.OnHold, PayoutChangeKind.OnHold, now, reason);
    }

    public void Submitted(string partnerPayoutId, DateTimeOffset now)
    {
        if (CurrentAttempt.PartnerPayoutId is { } known && known != partnerPayoutId)
        {
            Flag($"attempt {Attempt} was accepted as {partnerPayoutId}, but a webhook already named it {known}", now);
        }

        CurrentAttempt.Submitted(partnerPayoutId, now);
        SubmitAfter = null;
        if (Status == PayoutStatus.Pending)
        {
            Move(PayoutStatus.Submitted, PayoutChangeKind.Submitted, now);
        }
    }

    /// <summary>Claimed by a submitter: no other one sends it before <paramref name="until"/>.</summary>
    public void Lease(DateTimeOffset until) => SubmitAfter = until;

    public void SubmissionFailedTransiently(TimeSpan retryIn, DateTimeOffset now)
    {
        TransientFailures++;
        SubmitAfter = now + retryIn;
    }

    /// <summary>The partner refused the attempt outright (a 400 or 422): it failed without a webhook.</summary>
    /// <returns>False when the attempt is no longer waiting for its first answer, so the refusal changes nothing.</returns>
    public bool SubmissionRefused(string reason, DateTimeOffset now)
    {
        if (Status != PayoutStatus.Pending || CurrentAttempt.PartnerPayoutId is not null)
        {
            return false;
        }

        MarkFailed(reason, reportedAt: null, now);
        return true;
    }

    /// <summary>
    /// The partner reports the current attempt paid, at <paramref name="reportedAt"/> by its own clock. After a failure
    /// it reported earlier, the payment stands (flagged for ops); after one it reported later, the money came back.
    /// </summary>
    public PayoutReport ReportPaid(DateTimeOffset reportedAt, DateTimeOffset now)
    {
        switch (Status)
        {
            case PayoutStatus.Pending or PayoutStatus.Submitted:
                MarkPaid(reportedAt, now);
                return PayoutReport.Paid;
            case PayoutStatus.Failed when CurrentAttempt.IsAfterLastReport(reportedAt):
                Flag($"reported paid after it was reported failed ({FailureReason}): the partner paid in the end", now);
                MarkPaid(reportedAt, now);
                return PayoutReport.Paid;
            case PayoutStatus.Failed:
                Return(FailureReason ?? "failed_after_payment", reportedAt, now);
                return PayoutReport.Returned;
            default:
                return PayoutReport.Unchanged;
        }
    }

    /// <summary>
    /// The partner reports the current attempt failed, at <paramref name="reportedAt"/> by its own clock. After a payment
    /// it reported earlier, the money came back (returned); a failure from before the payment changes nothing but a flag.
    /// </summary>
    public PayoutReport ReportFailed(string reason, DateTimeOffset reportedAt, DateTimeOffset now)
    {
        switch (Status)
        {
            case PayoutStatus.Pending or PayoutStatus.Submitted:
                MarkFailed(reason, reportedAt, now);
                return PayoutReport.Failed;
            case PayoutStatus.Paid when CurrentAttempt.IsAfterLastReport(reportedAt):
                Return(reason, reportedAt, now);
                return PayoutReport.Returned;
            case PayoutStatus.Paid:
                Flag($"a failure ({reason}) reported from before the partner's payment", now);
                return PayoutReport.Flagged;
            default:
                return PayoutReport.Unchanged;
        }
    }

    public void Flag(string reason, DateTimeOffset now)
    {
        Flagged = true;
        FlagReason = reason;
        Changed(PayoutChangeKind.Flagged, now, reason);
    }

    /// <summary>A coordinator retries a failed payout: a new attempt, with a new idempotency key.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != PayoutStatus.Failed)
        {
            throw DomainRuleException.Conflict("payout_not_failed", $"Only a failed payout can be retried; this one is {WireName.Of(Status)}.");
        }

        Attempt++;
        _attempts.Add(PayoutAttempt.Open(Id, Attempt));
        FailureReason = null;
        TransientFailures = 0;
        SubmitAfter = now;
        Move(PayoutStatus.Pending, PayoutChangeKind.Retried, now);
    }

    /// <summary>A coordinator found a fund that covers an on-hold payout: it is submitted now.</summary>
    public void Funded(Guid fundId, DateTimeOffset now)
    {
        if (Status != PayoutStatus.OnHold)
        {
            throw DomainRuleException.Conflict("payout_not_on_hold", $"Only a payout on hold waits for a fund; this one is {WireName.Of(Status)}.");
        }

        FundId = fundId;
        SubmitAfter = now;
        Move(PayoutStatus.Pending, PayoutChangeKind.Funded, now);
    }

    /// <summary>Hands the changes to the save that writes them, once.</summary>
    public IReadOnlyList<PayoutChange> TakeChanges()
    {
        var changes = _changes.ToList();
        _changes.Clear();
        return changes;
    }

    private void MarkPaid(DateTimeOffset reportedAt, DateTimeOffset now)
    {
        CurrentAttempt.End("paid", reportedAt);
        PaidAt = now;
        FailureReason = null;
        SubmitAfter = null;
        Move(PayoutStatus.Paid, PayoutChangeKind.Paid, now);
    }

    private void MarkFailed(string reason, DateTimeOffset? reportedAt, DateTimeOffset now)
    {
        CurrentAttempt.End("failed", reportedAt);
        FailureReason = reason;
        SubmitAfter = null;
        Move(PayoutStatus.Failed, PayoutChangeKind.Failed, now);
    }

    private void Return(string reason, DateTimeOffset reportedAt, DateTimeOffset now)
    {
        CurrentAttempt.Heard(reportedAt);
        FailureReason = reason;
        Flag($"returned after payment: {reason}", now);
        Move(PayoutStatus.Returned, PayoutChangeKind.Returned, now);
    }

    private void Move(PayoutStatus status, PayoutChangeKind kind, DateTimeOffset now, string? reason = null)
    {
        Status = status;
        Changed(kind, now, reason);
    }

    private void Changed(PayoutChangeKind kind, DateTimeOffset now, string? reason = null)
    {
        Version++;
        _changes.Add(new PayoutChange(kind, Version, Status, FundId, Attempt, FailureReason, Flagged, PaidAt, reason, now));
    }
}
