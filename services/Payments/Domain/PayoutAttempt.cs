namespace MicroInternships.Payments.Domain;

/// <summary>One try at paying a payout: what the partner called it, when it was sent, and how it ended.</summary>
public sealed class PayoutAttempt
{
    private PayoutAttempt()
    {
    }

    public Guid PayoutId { get; private set; }

    public int Number { get; private set; }

    public string? PartnerPayoutId { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary><c>paid</c>, <c>failed</c>, or null while the attempt is open.</summary>
    public string? Outcome { get; private set; }

    /// <summary>The partner's own time (its webhook's timestamp) of the last report applied to this attempt.</summary>
    public DateTimeOffset? ReportedAt { get; private set; }

    /// <summary>The partner's key for this attempt: the same on every retry of it, so the partner pays it at most once.</summary>
    public string IdempotencyKey => $"{PayoutId}:{Number}";

    internal static PayoutAttempt Open(Guid payoutId, int number) => new() { PayoutId = payoutId, Number = number };

    internal void Submitted(string partnerPayoutId, DateTimeOffset now)
    {
        PartnerPayoutId ??= partnerPayoutId;
        SubmittedAt ??= now;
    }

    internal void Learned(string partnerPayoutId) => PartnerPayoutId ??= partnerPayoutId;

    internal void End(string outcome, DateTimeOffset? reportedAt)
    {
        Outcome = outcome;
        Heard(reportedAt);
    }

    internal void Heard(DateTimeOffset? reportedAt) => ReportedAt = ReportedAt is null || reportedAt > ReportedAt ? reportedAt : ReportedAt;

    /// <summary>Whether a report made at <paramref name="reportedAt"/> comes after the last one applied; a tie goes to the one that arrived later.</summary>
    internal bool IsAfterLastReport(DateTimeOffset reportedAt) => ReportedAt is not { } last || reportedAt >= last;
}
