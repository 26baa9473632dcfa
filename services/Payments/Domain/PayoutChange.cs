namespace MicroInternships.Payments.Domain;

public enum PayoutChangeKind
{
    Opened,
    OnHold,
    Funded,
    Submitted,
    Retried,
    Flagged,
    Paid,
    Failed,
    Returned,
}

/// <summary>
/// One change of a payout, with the version it made and the state it left: a save announces each one
/// (<see cref="Data.PayoutEvents"/>), so every change is one event whichever code made it. <see cref="Reason"/> is a
/// flag's or a hold's reason.
/// </summary>
public sealed record PayoutChange(PayoutChangeKind Kind, long Version, PayoutStatus Status, Guid? FundId, int Attempt, string? FailureReason,
    bool Flagged, DateTimeOffset? PaidAt, string? Reason, DateTimeOffset At);
