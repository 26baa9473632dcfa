namespace MicroInternships.Contracts.Payments;

/// <summary>
/// A fund could not reserve a placement's amount; the placement is unfunded and its payout will wait
/// <c>on_hold</c> until a coordinator tops the fund up or moves it to another. <see cref="PayoutId"/> and
/// <see cref="Attempt"/> name the payout when the refusal came as it opened (a refusal when the placement starts has
/// none yet); <see cref="FundVersion"/> is the fund's version that refused, null when the fund does not exist.
/// </summary>
public sealed record FundReservationRefused(
    Guid FundId, Guid PlacementId, long AmountCents, string Currency, string Reason, DateTimeOffset OccurredAt,
    Guid? PayoutId, int? Attempt, long? FundVersion);
