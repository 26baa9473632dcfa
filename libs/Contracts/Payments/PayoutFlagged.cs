namespace MicroInternships.Contracts.Payments;

/// <summary>
/// A report about the payout did not add up (a webhook's amount, a superseded attempt reported paid, a report from
/// before the partner's payment, a return), and ops should look: <see cref="Reason"/> says what, in the program's words.
/// </summary>
public sealed record PayoutFlagged(PayoutSnapshot Payout, string Reason, DateTimeOffset OccurredAt);
