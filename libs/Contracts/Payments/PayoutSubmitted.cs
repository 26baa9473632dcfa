namespace MicroInternships.Contracts.Payments;

/// <summary>The payment partner accepted the payout's current attempt; its webhook will say whether it was paid.</summary>
public sealed record PayoutSubmitted(PayoutSnapshot Payout, DateTimeOffset OccurredAt);
