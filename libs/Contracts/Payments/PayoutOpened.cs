namespace MicroInternships.Contracts.Payments;

/// <summary>Payments opened the payout a completed placement (or a final settlement) earns; it is sent to the partner next.</summary>
public sealed record PayoutOpened(PayoutSnapshot Payout, DateTimeOffset OccurredAt);
