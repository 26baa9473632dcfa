namespace MicroInternships.Contracts.Payments;

/// <summary>
/// The payment partner paid a placement's payout. <see cref="Version"/> is the payout's: it grows with every change,
/// so a consumer keeps the newest news of a payout whatever order the events arrive in.
/// </summary>
public sealed record PayoutPaid(
    Guid PayoutId, long Version, Guid PlacementId, int Attempt, long AmountCents, string Currency, DateTimeOffset OccurredAt, PayoutSnapshot Payout);
