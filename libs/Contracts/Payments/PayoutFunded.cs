namespace MicroInternships.Contracts.Payments;

/// <summary>A coordinator found a fund (the snapshot's <c>FundId</c>) for a payout on hold: it is pending again and sent now.</summary>
public sealed record PayoutFunded(PayoutSnapshot Payout, DateTimeOffset OccurredAt);
