namespace MicroInternships.Contracts.Payments;

/// <summary>A coordinator retried a failed payout: a new attempt (the snapshot's <c>Attempt</c>), pending again.</summary>
public sealed record PayoutRetried(PayoutSnapshot Payout, DateTimeOffset OccurredAt);
