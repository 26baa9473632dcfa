namespace MicroInternships.Contracts.Payments;

/// <summary>
/// A fund could not reserve a starting placement's amount; the placement is unfunded and its payout will wait
/// <c>on_hold</c> until a coordinator tops the fund up or moves it to another.
/// </summary>
public sealed record FundReservationRefused(
    Guid FundId, Guid PlacementId, long AmountCents, string Currency, string Reason, DateTimeOffset OccurredAt);
