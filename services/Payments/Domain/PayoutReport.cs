namespace MicroInternships.Payments.Domain;

/// <summary>What a report of the partner's (paid or failed) did to a payout.</summary>
public enum PayoutReport
{
    /// <summary>Nothing: a repeat, or a report about a payout past it.</summary>
    Unchanged,

    Paid,

    Failed,

    /// <summary>Paid, then failed by the partner's clock: the money went out and came back.</summary>
    Returned,

    /// <summary>Kept as it was, and flagged for ops: a failure the partner reported from before its payment.</summary>
    Flagged,
}
