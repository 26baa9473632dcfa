namespace MicroInternships.Contracts.Payments;

/// <summary>The partner reported a failure after it had paid: the money came back and the payout is flagged for ops.</summary>
public sealed record PayoutReturned(
    Guid PayoutId, long Version, Guid PlacementId, int Attempt, long AmountCents, string Currency, string Reason, DateTimeOffset OccurredAt, PayoutSnapshot Payout);
