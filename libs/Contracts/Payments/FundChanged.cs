namespace MicroInternships.Contracts.Payments;

/// <summary>
/// A fund's money moved. <see cref="Change"/> is <c>created</c>, <c>reserved</c> (a placement's amount),
/// <c>released</c> (what a settlement does not need), <c>spent</c> (a payout was paid; <see cref="AmountCents"/> is what
/// it spent, and the rest of its reservation is released) or <c>budget_adjusted</c> (by <see cref="AmountCents"/>, which
/// is negative for a reduction). <see cref="PlacementId"/> names the placement the money moved for, if any.
/// </summary>
public sealed record FundChanged(FundSnapshot Fund, string Change, long AmountCents, Guid? PlacementId, DateTimeOffset OccurredAt);
