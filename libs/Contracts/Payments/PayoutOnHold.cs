namespace MicroInternships.Contracts.Payments;

/// <summary>
/// A payout waits for money: its listing's fund could not cover it (<see cref="Reason"/> is <c>insufficient_funds</c>).
/// A coordinator tops the fund up or moves the payout to another, which publishes <see cref="PayoutFunded"/>.
/// </summary>
public sealed record PayoutOnHold(PayoutSnapshot Payout, string Reason, DateTimeOffset OccurredAt);
