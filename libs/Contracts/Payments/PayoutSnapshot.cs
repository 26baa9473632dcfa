namespace MicroInternships.Contracts.Payments;

/// <summary>
/// A placement's payout as it stands after the change an event reports. <see cref="Status"/> is a wire name
/// (<c>pending</c>, <c>submitted</c>, <c>paid</c>, <c>failed</c>, <c>returned</c>, <c>on_hold</c>); <see cref="FailureReason"/>
/// is the partner's code for the current attempt's failure; <see cref="Version"/> grows with every change, so a consumer
/// keeps the newest news of a payout whatever order its events arrive in.
/// </summary>
public sealed record PayoutSnapshot(
    Guid PayoutId,
    long Version,
    Guid PlacementId,
    string StudentId,
    Guid OrganizationId,
    long AmountCents,
    string Currency,
    Guid? FundId,
    string Status,
    int Attempt,
    string? FailureReason,
    bool Flagged,
    DateTimeOffset? PaidAt);
