using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.Testing;
using static MicroInternships.Placements.Tests.StateMachines.Aggregates;

namespace MicroInternships.Placements.Tests.StateMachines;

/// <summary>
/// The placement's two state machines on their own, without a database: its work (active, submitted, revision
/// requested, completed, cancelled) and, once cancelled, its settlement. Every step is tried from every state; the ones
/// the contract allows move it, every other is refused with a conflict and changes nothing.
/// </summary>
public sealed class PlacementStateMachineTests
{
    private static readonly Dictionary<string, Action<Placement>> WorkSteps = new()
    {
        ["log"] = p => p.Log(2),
        ["submit"] = p => p.Submit("https://example.com/report", "Done.", Now),
        ["request revision"] = p => p.RequestRevision("More detail.", maxRevisionRequests: 2),
        ["approve"] = p => p.Approve(5, "Thorough.", [], "code-2", Now),
        ["cancel"] = p => p.Cancel("p-1", "The project was dropped.", SettlementPeriod, Now),
        ["give student feedback"] = p => p.GiveStudentFeedback(4, "Good mentoring.", Now),
    };

    private static readonly Dictionary<(PlacementStatus From, string Step), PlacementStatus> WorkAllowed = new()
    {
        [(PlacementStatus.Active, "log")] = PlacementStatus.Active,
        [(PlacementStatus.Active, "submit")] = PlacementStatus.Submitted,
        [(PlacementStatus.Active, "cancel")] = PlacementStatus.Cancelled,
        [(PlacementStatus.Submitted, "request revision")] = PlacementStatus.RevisionRequested,
        [(PlacementStatus.Submitted, "approve")] = PlacementStatus.Completed,
        [(PlacementStatus.Submitted, "cancel")] = PlacementStatus.Cancelled,
        [(PlacementStatus.RevisionRequested, "log")] = PlacementStatus.RevisionRequested,
        [(PlacementStatus.RevisionRequested, "submit")] = PlacementStatus.Submitted,
        [(PlacementStatus.RevisionRequested, "cancel")] = PlacementStatus.Cancelled,
        [(PlacementStatus.Completed, "give student feedback")] = PlacementStatus.Completed,
    };

    public static TheoryData<PlacementStatus, string> EveryWorkStateAndStep() => StateMachineCases.EveryStateAndStep(Enum.GetValues<PlacementStatus>(), WorkSteps.Keys);

    [Theory]
    [MemberData(nameof(EveryWorkStateAndStep))]
    public void EachWorkStep_FromEachState_MovesAsTheContractSays_OrIsRefused(PlacementStatus from, string step)
    {
        var placement = Placement(from);
        var version = placement.Version;

        if (WorkAllowed.TryGetValue((from, step), out var to))
        {
            WorkSteps[step](placement);
            Assert.Equal(to, placement.Status);
            Assert.True(placement.Version > version, "An allowed step moves the version on.");
        }
        else
        {
            var refused = Assert.Throws<DomainRuleException>(() => WorkSteps[step](placement));
            Assert.Equal((RuleKind.Conflict, "placement_wrong_state"), (refused.Kind, refused.Code));
            Assert.Equal((from, version), (placement.Status, placement.Version));
        }
    }

    [Fact]
    public void Submitting_WithNoTimeLogged_IsRefused()
    {
        var placement = Placement(PlacementStatus.Active, hours: 0);

        var refused = Assert.Throws<DomainRuleException>(() => placement.Submit(null, "Done.", Now));

        Assert.Equal("no_time_logged", refused.Code);
        Assert.Equal(PlacementStatus.Active, placement.Status);
    }

    [Fact]
    public void Revisions_StopAtTheLimit()
    {
        var placement = Placement(PlacementStatus.RevisionRequested);
        placement.Submit(null, "Again.", Now);

        var refused = Assert.Throws<DomainRuleException>(() => placement.RequestRevision("Once more.", maxRevisionRequests: 1));

        Assert.Equal("revision_limit_reached", refused.Code);
        Assert.Equal(PlacementStatus.Submitted, placement.Status);
    }

    [Fact]
    public void Approval_LeavesThePaymentToPayments_AndCancellation_ProposesTheProRataShare_ButPaysNothingYet()
    {
        var approved = Placement(PlacementStatus.Completed);
        var cancelled = Placement(PlacementStatus.Cancelled);

        Assert.Equal(PaymentStatus.None, approved.PaymentStatus);
        Assert.Equal(AmountCents * 10 / EstimatedHours, cancelled.ProposedPayableCents);
        Assert.Equal((SettlementStatus.Pending, PaymentStatus.None), (cancelled.Settlement, cancelled.PaymentStatus));
        Assert.Equal(Now + SettlementPeriod, cancelled.SettlementDueAt);
    }

    [Fact]
    public void WorkLeftUnreviewed_IsApprovedAutomatically_OnlyOnceTheReviewPeriodIsOver()
    {
        var placement = Placement(PlacementStatus.Submitted);
        var review = TimeSpan.FromDays(14);

        Assert.False(placement.ApproveAutomatically(review, "code-3", Now + review - TimeSpan.FromSeconds(1)));
        Assert.True(placement.ApproveAutomatically(review, "code-3", Now + review));
        Assert.Equal((PlacementStatus.Completed, true), (placement.Status, placement.AutoApproved));
        Assert.False(Placement(PlacementStatus.Active).ApproveAutomatically(review, "code-4", Now + review));
    }

    // Settlement steps are tried an hour after the cancellation, inside every period, except the clock's, which run
    // when their period is over.
    private static readonly DateTimeOffset Soon = Now.AddHours(2);
    private static readonly DateTimeOffset Later = Now + SettlementPeriod + DisputePeriod;

    private static readonly Dictionary<string, Func<Placement, bool>> SettlementSteps = new()
    {
        ["partner settles the proposal"] = p => p.Settle(SettlementParty.Partner, p.ProposedPayableCents ?? 0, null, DisputePeriod, Soon),
        ["coordinator settles"] = p => p.Settle(SettlementParty.Coordinator, AmountCents, "Paid in full after review.", DisputePeriod, Soon),
        ["student disputes"] = p =>
        {
            p.Dispute("The work was all delivered.", Soon);
            return false;
        },
        ["clock escalates"] = p => p.EscalateIfDue(Later),
        ["clock makes final"] = p => p.MakeFinalIfDue(Later),
    };

    private static readonly Dictionary<(SettlementStatus From, string Step), SettlementStatus> SettlementAllowed = new()
    {
        [(SettlementStatus.Pending, "partner settles the proposal")] = SettlementStatus.Final,
        [(SettlementStatus.Pending, "coordinator settles")] = SettlementStatus.Final,
        [(SettlementStatus.Pending, "clock escalates")] = SettlementStatus.Escalated,
        [(SettlementStatus.Escalated, "coordinator settles")] = SettlementStatus.Final,
        [(SettlementStatus.Settled, "student disputes")] = SettlementStatus.Escalated,
        [(SettlementStatus.Settled, "clock makes final")] = SettlementStatus.Final,
    };

    /// <summary>The clock's steps are not refusals when not due: they report that nothing was due and change nothing.</summary>
    private static readonly HashSet<string> ClockSteps = ["clock escalates", "clock makes final"];

    public static TheoryData<SettlementStatus, string> EverySettlementStateAndStep() =>
        StateMachineCases.EveryStateAndStep(Enum.GetValues<SettlementStatus>(), SettlementSteps.Keys);

    [Theory]
    [MemberData(nameof(EverySettlementStateAndStep))]
    public void EachSettlementStep_FromEachState_MovesAsTheContractSays_OrIsRefused(SettlementStatus from, string step)
    {
        var placement = Settlement(from);
        var version = placement.Version;

        if (SettlementAllowed.TryGetValue((from, step), out var to))
        {
            SettlementSteps[step](placement);
            Assert.Equal(to, placement.Settlement);
            Assert.True(placement.Version > version, "An allowed step moves the version on.");
        }
        else if (ClockSteps.Contains(step))
        {
            Assert.False(SettlementSteps[step](placement));
            Assert.Equal((from, version), (placement.Settlement, placement.Version));
        }
        else
        {
            var refused = Assert.Throws<DomainRuleException>(() => SettlementSteps[step](placement));
            Assert.Equal(RuleKind.Conflict, refused.Kind);
            Assert.Equal(step == "student disputes" ? "settlement_not_disputable" : "settlement_not_pending", refused.Code);
            Assert.Equal((from, version), (placement.Settlement, placement.Version));
        }
    }

    [Fact]
    public void APartnersSettlementBelowTheProposal_StaysOpenToDispute_AndPaysOnlyOnceFinal()
    {
        var placement = Settlement(SettlementStatus.Settled);

        Assert.Equal(PaymentStatus.None, placement.PaymentStatus);
        Assert.Equal(Now.AddHours(1) + DisputePeriod, placement.SettlementDueAt);
        Assert.False(placement.MakeFinalIfDue(Now.AddHours(1) + DisputePeriod - TimeSpan.FromSeconds(1)));
        Assert.True(placement.MakeFinalIfDue(Now.AddHours(1) + DisputePeriod));
        Assert.Equal((SettlementStatus.Final, PaymentStatus.None), (placement.Settlement, placement.PaymentStatus));
    }

    [Fact]
    public void ThePartnersTimeToSettle_EndsAtItsDueTime_EvenBeforeTheClockEscalates()
    {
        var placement = Settlement(SettlementStatus.Pending);

        var refused = Assert.Throws<DomainRuleException>(() =>
            placement.Settle(SettlementParty.Partner, placement.ProposedPayableCents!.Value, null, DisputePeriod, Now + SettlementPeriod));

        Assert.Equal("settlement_not_pending", refused.Code);
        Assert.True(placement.Settle(SettlementParty.Coordinator, 0, "Nothing usable was delivered.", DisputePeriod, Now + SettlementPeriod));
    }

    [Theory]
    [InlineData(SettlementParty.Partner, -1, "payableCents")]
    [InlineData(SettlementParty.Partner, 20_001, "payableCents")]
    [InlineData(SettlementParty.Partner, 10_000, "reason")]
    [InlineData(SettlementParty.Coordinator, AmountCents + 1, "payableCents")]
    public void ASettlementOutOfBounds_OrBelowTheProposalWithoutAReason_NamesTheField(SettlementParty by, long payableCents, string field)
    {
        var placement = Settlement(SettlementStatus.Pending);

        var refused = Assert.Throws<ValidationException>(() => placement.Settle(by, payableCents, reason: null, DisputePeriod, Soon));

        Assert.True(refused.Errors.ContainsKey(field), string.Join(", ", refused.Errors.Keys));
        Assert.Equal(SettlementStatus.Pending, placement.Settlement);
    }
}
