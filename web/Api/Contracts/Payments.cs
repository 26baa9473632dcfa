namespace MicroInternships.Web.Api.Contracts;

public sealed record PayoutAttempt(int Number, string? PartnerPayoutId, DateTimeOffset? SubmittedAt, string? Outcome);

/// <summary>A payout; students get null <c>FundId</c>, <c>Flagged</c> and <c>FlagReason</c>, and a <c>StudentAction</c> for failures they can fix.</summary>
public sealed record Payout(
    Guid Id,
    Guid PlacementId,
    string StudentId,
    Guid OrganizationId,
    long AmountCents,
    string Currency,
    Guid? FundId,
    string Status,
    int Attempt,
    IReadOnlyList<PayoutAttempt> Attempts,
    string? FailureReason,
    string? StudentAction,
    bool? Flagged,
    string? FlagReason,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt);

public sealed record PayoutStatusTotal(string Status, int Count, long AmountCents);

/// <summary>Payout totals for one fund; a null <c>FundId</c> means the program's general budget.</summary>
public sealed record PayoutFundTotal(Guid? FundId, string? FundName, int Count, long AmountCents, long PaidCents);

/// <summary>GET /api/payouts/summary.</summary>
public sealed record PayoutSummary(IReadOnlyList<PayoutStatusTotal> ByStatus, IReadOnlyList<PayoutFundTotal> ByFund, int Flagged);

/// <summary>Body of POST /api/payouts/{id}/fund.</summary>
public sealed record FundPayoutRequest(Guid FundId);

/// <summary>A grant or budget that pays for program-funded listings.</summary>
public sealed record Fund(
    Guid Id,
    string Name,
    string Currency,
    long BudgetCents,
    long ReservedCents,
    long SpentCents,
    long AvailableCents,
    DateTimeOffset CreatedAt);

/// <summary>Body of POST /api/funds.</summary>
public sealed record FundRequest(string Name, long BudgetCents, string Currency);

/// <summary>Body of POST /api/funds/{id}/adjustments; a negative amount reduces the budget.</summary>
public sealed record FundAdjustmentRequest(long AmountCents, string Reason);

/// <summary>Response of POST /api/funds/{id}/adjustments, with the fund as it now stands.</summary>
public sealed record FundAdjustment(Guid Id, Guid FundId, long AmountCents, string Reason, string AdjustedBy, DateTimeOffset CreatedAt, Fund Fund);
