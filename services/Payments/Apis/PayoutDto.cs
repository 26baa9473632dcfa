using MicroInternships.Payments.Domain;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Payments.Apis;

public sealed record PayoutAttemptDto(int Number, string? PartnerPayoutId, DateTimeOffset? SubmittedAt, string? Outcome);

/// <summary>A payout as the API shows it; <see cref="StudentAction"/> says what a student can do about a failure they can fix.</summary>
public sealed record PayoutDto(
    Guid Id,
    Guid PlacementId,
    string StudentId,
    Guid OrganizationId,
    long AmountCents,
    string Currency,
    Guid? FundId,
    PayoutStatus Status,
    int Attempt,
    IReadOnlyList<PayoutAttemptDto> Attempts,
    string? FailureReason,
    string? StudentAction,
    bool? Flagged,
    string? FlagReason,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt) : ICreatedInOrder, IVersioned;

public static class PayoutMapping
{
    /// <summary>Failure reasons the student can act on, with what to do; a coordinator retries afterwards.</summary>
    private static readonly Dictionary<string, string> _studentActions = new(StringComparer.Ordinal)
    {
        ["recipient_unknown"] = "Create your payment profile with the payment partner (use your university email), then tell the program office so they can retry.",
        ["recipient_unverified"] = "Finish verifying your identity in your payment partner profile, then tell the program office so they can retry.",
        ["account_closed"] = "Add a current bank account to your payment partner profile, then tell the program office so they can retry.",
    };

    /// <summary>The payout as <paramref name="caller"/> may see it: a student is not shown the fund or what ops were flagged about.</summary>
    public static PayoutDto ToDto(this Payout payout, Caller caller)
    {
        var dto = payout.ToDto();
        return caller.IsStudent ? dto with { FundId = null, Flagged = null, FlagReason = null } : dto;
    }

    public static PayoutDto ToDto(this Payout payout) => new(
        payout.Id,
        payout.PlacementId,
        payout.StudentId,
        payout.OrganizationId,
        payout.AmountCents,
        payout.Currency,
        payout.FundId,
        payout.Status,
        payout.Attempt,
        payout.Attempts.OrderBy(a => a.Number).Select(a => new PayoutAttemptDto(a.Number, a.PartnerPayoutId, a.SubmittedAt, a.Outcome)).ToList(),
        payout.FailureReason,
        payout.FailureReason is { } reason && payout.Status is PayoutStatus.Failed or PayoutStatus.Returned ? _studentActions.GetValueOrDefault(reason) : null,
        payout.Flagged,
        payout.FlagReason,
        payout.Version,
        payout.CreatedAt,
        payout.PaidAt);
}
