using MicroInternships.Payments.Domain;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Payments.Tests;

/// <summary>
/// The payout's state machine on its own, without a database: the partner's reports (read in the partner's order, by
/// their timestamps) and the coordinators' retry and funding, from every state.
/// </summary>
public sealed class PayoutStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Earlier = Now.AddMinutes(-1);
    private static readonly DateTimeOffset Later = Now.AddMinutes(1);

    public static TheoryData<PayoutStatus, string, DateTimeOffset, PayoutReport, PayoutStatus> Reports() => new()
    {
        { PayoutStatus.Pending, "paid", Later, PayoutReport.Paid, PayoutStatus.Paid },
        { PayoutStatus.Pending, "failed", Later, PayoutReport.Failed, PayoutStatus.Failed },
        { PayoutStatus.Submitted, "paid", Later, PayoutReport.Paid, PayoutStatus.Paid },
        { PayoutStatus.Submitted, "failed", Later, PayoutReport.Failed, PayoutStatus.Failed },
        { PayoutStatus.Paid, "paid", Later, PayoutReport.Unchanged, PayoutStatus.Paid },
        { PayoutStatus.Paid, "failed", Later, PayoutReport.Returned, PayoutStatus.Returned },
        { PayoutStatus.Paid, "failed", Earlier, PayoutReport.Flagged, PayoutStatus.Paid },
        { PayoutStatus.Failed, "failed", Later, PayoutReport.Unchanged, PayoutStatus.Failed },
        { PayoutStatus.Failed, "paid", Later, PayoutReport.Paid, PayoutStatus.Paid },
        { PayoutStatus.Failed, "paid", Earlier, PayoutReport.Returned, PayoutStatus.Returned },
        { PayoutStatus.Returned, "paid", Later, PayoutReport.Unchanged, PayoutStatus.Returned },
        { PayoutStatus.Returned, "failed", Later, PayoutReport.Unchanged, PayoutStatus.Returned },
        { PayoutStatus.OnHold, "paid", Later, PayoutReport.Unchanged, PayoutStatus.OnHold },
        { PayoutStatus.OnHold, "failed", Later, PayoutReport.Unchanged, PayoutStatus.OnHold },
        // Whole seconds tie often: a tie goes to the report that arrived later.
        { PayoutStatus.Paid, "failed", Now, PayoutReport.Returned, PayoutStatus.Returned },
        { PayoutStatus.Failed, "paid", Now, PayoutReport.Paid, PayoutStatus.Paid },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void EachReport_FromEachState_IsReadInThePartnersOrder(PayoutStatus from, string report, DateTimeOffset reportedAt, PayoutReport effect, PayoutStatus to)
    {
        var payout = Payout(from);
        var version = payout.Version;

        var applied = report == "paid" ? payout.ReportPaid(reportedAt, Now) : payout.ReportFailed("account_closed", reportedAt, Now);

        Assert.Equal((effect, to), (applied, payout.Status));
        Assert.Equal(effect != PayoutReport.Unchanged, payout.Version > version);
        Assert.Equal(from == PayoutStatus.Returned || effect is PayoutReport.Returned or PayoutReport.Flagged || (from, effect) == (PayoutStatus.Failed, PayoutReport.Paid),
            payout.Flagged);
    }

    [Theory]
    [InlineData(PayoutStatus.Pending)]
    [InlineData(PayoutStatus.Submitted)]
    [InlineData(PayoutStatus.Paid)]
    [InlineData(PayoutStatus.Failed)]
    [InlineData(PayoutStatus.Returned)]
    [InlineData(PayoutStatus.OnHold)]
    public void ARetry_IsForAFailedPayout_AndFunding_ForOneOnHold(PayoutStatus from)
    {
        var retried = Payout(from);
        var funded = Payout(from);

        var retry = Record.Exception(() => retried.Retry(Later));
        var funding = Record.Exception(() => funded.Funded(Guid.NewGuid(), Later));

        if (from == PayoutStatus.Failed)
        {
            Assert.Null(retry);
            Assert.Equal((PayoutStatus.Pending, 2, null), (retried.Status, retried.Attempt, retried.FailureReason));
        }
        else
        {
            Assert.Equal("payout_not_failed", Assert.IsType<DomainRuleException>(retry).Code);
            Assert.Equal(from, retried.Status);
        }

        if (from == PayoutStatus.OnHold)
        {
            Assert.Null(funding);
            Assert.Equal((PayoutStatus.Pending, Later), (funded.Status, funded.SubmitAfter));
        }
        else
        {
            Assert.Equal("payout_not_on_hold", Assert.IsType<DomainRuleException>(funding).Code);
            Assert.Equal(from, funded.Status);
        }
    }

    [Fact]
    public void ThePartnersAnswerToTheSubmission_MovesOnlyAPendingPayout_AndARefusalFailsOnlyAnAttemptNotYetAccepted()
    {
        var pending = Payout(PayoutStatus.Pending);
        var accepted = Payout(PayoutStatus.Pending);
        var paid = Payout(PayoutStatus.Paid);

        accepted.Submitted("po_1", Now);
        Assert.Equal((PayoutStatus.Submitted, "po_1"), (accepted.Status, accepted.CurrentAttempt.PartnerPayoutId));

        Assert.False(Payout(PayoutStatus.Submitted).SubmissionRefused("invalid_recipient", Now));
        Assert.True(pending.SubmissionRefused("invalid_recipient", Now));
        Assert.Equal(PayoutStatus.Failed, pending.Status);
        paid.Submitted("po_1", Now);
        Assert.Equal(PayoutStatus.Paid, paid.Status);
    }

    /// <summary>A payout in <paramref name="status"/>; its reports, if any, were made at <see cref="Now"/>.</summary>
    private static Payout Payout(PayoutStatus status)
    {
        var payout = Domain.Payout.Create(Guid.NewGuid(), "s-1", Guid.NewGuid(), 60_000, "USD", fundId: null, trace: (null, null), Now);
        switch (status)
        {
            case PayoutStatus.OnHold:
                payout.PutOnHold("insufficient_funds", Now);
                break;
            case PayoutStatus.Submitted:
                payout.Submitted("po_1", Now);
                break;
            case PayoutStatus.Paid:
                payout.Submitted("po_1", Now);
                payout.ReportPaid(Now, Now);
                break;
            case PayoutStatus.Failed:
                payout.Submitted("po_1", Now);
                payout.ReportFailed("recipient_unknown", Now, Now);
                break;
            case PayoutStatus.Returned:
                payout.Submitted("po_1", Now);
                payout.ReportPaid(Now, Now);
                payout.ReportFailed("account_closed", Now, Now);
                break;
        }

        return payout;
    }
}
