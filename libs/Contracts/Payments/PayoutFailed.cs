namespace MicroInternships.Contracts.Payments;

/// <summary>An attempt to pay a payout failed; <see cref="Reason"/> is the partner's (e.g. <c>recipient_unknown</c>). A coordinator may retry.</summary>
public sealed record PayoutFailed(
    Guid PayoutId, long Version, Guid PlacementId, int Attempt, long AmountCents, string Currency, string Reason, DateTimeOffset OccurredAt, PayoutSnapshot Payout);
