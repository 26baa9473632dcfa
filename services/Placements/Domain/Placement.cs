using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Placements.Domain;

/// <summary>
/// The work a student took on by accepting an offer: <c>active -> submitted -> completed</c>, with up to
/// <see cref="PlacementRules.MaxRevisionRequests"/> rounds of <c>revision_requested -> submitted</c>, or
/// <c>cancelled</c> before completion, paid what its settlement decides (<see cref="Settle"/>). <see cref="Version"/>
/// grows with each change; events carry it.
/// </summary>
public sealed class Placement : ICreatedInOrder, IHasParties
{
    private Placement()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid ListingId { get; private set; }

    public string ListingTitle { get; private set; } = "";

    public string StudentId { get; private set; } = "";

    public string StudentName { get; private set; } = "";

    public Guid OrganizationId { get; private set; }

    public string OrganizationName { get; private set; } = "";

    public Guid? CourseId { get; private set; }

    public Guid? FundId { get; private set; }

    public long AmountCents { get; private set; }

    public string Currency { get; private set; } = "";

    public int EstimatedHours { get; private set; }

    public decimal LoggedHours { get; private set; }

    public PlacementStatus Status { get; private set; }

    public PaymentStatus PaymentStatus { get; private set; }

    public FundingStatus FundingStatus { get; private set; }

    /// <summary>The version of the newest payout event applied, so a late older one cannot move the payment back.</summary>
    public long PaymentVersion { get; private set; }

    public string? PaymentFailureReason { get; private set; }

    public int RevisionCount { get; private set; }

    public string? DeliverableUrl { get; private set; }

    public string? SubmissionNote { get; private set; }

    public string? RevisionNote { get; private set; }

    public bool AutoApproved { get; private set; }

    public string? CancelReason { get; private set; }

    public string? CancelledBy { get; private set; }

    public SettlementStatus Settlement { get; private set; }

    /// <summary>The pro rata share of the hours logged when the placement was cancelled: what a settlement starts from.</summary>
    public long? ProposedPayableCents { get; private set; }

    /// <summary>What the settlement decided the student is paid.</summary>
    public long? PayableCents { get; private set; }

    public SettlementParty? SettledBy { get; private set; }

    public string? SettlementReason { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>When the clock moves a settlement on: a pending one escalates to coordinators, a settled one becomes final.</summary>
    public DateTimeOffset? SettlementDueAt { get; private set; }

    public string? DisputeReason { get; private set; }

    public DateTimeOffset? DisputedAt { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public PartnerFeedback? PartnerFeedback { get; private set; }

    public StudentFeedback? StudentFeedback { get; private set; }

    /// <summary>How many of the two ratings have been announced as revealed (<see cref="RevealFeedbackIfDue"/>).</summary>
    public int RevealedRatings { get; private set; }

    public string? VerificationCode { get; private set; }

    /// <summary>The competencies the partner endorsed when approving the work: part of the record and of the credential.</summary>
    public IReadOnlyList<Endorsement> Endorsements { get; private set; } = [];

    /// <summary>The placement's current credential, once completed (<see cref="Credential"/>).</summary>
    public string? CredentialId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset StartedAt => CreatedAt;

    /// <summary>The states that count against a student's workload.</summary>
    public static PlacementStatus[] WorkloadStatuses { get; } = [PlacementStatus.Active, PlacementStatus.Submitted, PlacementStatus.RevisionRequested];

    public bool IsInProgress => Status is PlacementStatus.Active or PlacementStatus.RevisionRequested;

    public static Placement Start(Application application, ListingCopy listing, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = application.Id,
        ListingId = listing.Id,
        ListingTitle = listing.Title,
        StudentId = application.StudentId,
        StudentName = application.StudentName,
        OrganizationId = listing.OrganizationId,
        OrganizationName = listing.OrganizationName,
        CourseId = application.CourseId,
        FundId = listing.FundId,
        AmountCents = application.AmountCents ?? listing.AmountCents,
        Currency = application.Currency ?? listing.Currency,
        EstimatedHours = application.EstimatedHours ?? listing.EstimatedHours,
        Status = PlacementStatus.Active,
        PaymentStatus = PaymentStatus.None,
        FundingStatus = listing.FundId is null ? FundingStatus.None : FundingStatus.Reserved,
        CreatedAt = now,
        Version = 1,
    };

    public void Log(decimal hours)
    {
        if (!IsInProgress)
        {
            throw WrongState("placement_wrong_state", "take time entries");
        }

        LoggedHours += hours;
        Version++;
    }

    public void Submit(string? deliverableUrl, string note, DateTimeOffset now)
    {
        if (!IsInProgress)
        {
            throw WrongState("placement_wrong_state", "be submitted");
        }

        if (LoggedHours <= 0)
        {
            throw DomainRuleException.Conflict("no_time_logged", "Log the time worked before submitting.");
        }

        DeliverableUrl = deliverableUrl;
        SubmissionNote = note;
        SubmittedAt = now;
        Move(PlacementStatus.Submitted);
    }

    public void RequestRevision(string note, int maxRevisionRequests)
    {
        Require(PlacementStatus.Submitted, "have a revision requested");
        if (RevisionCount >= maxRevisionRequests)
        {
            throw DomainRuleException.Conflict("revision_limit_reached", $"At most {maxRevisionRequests} revisions may be requested; approve the work or cancel.");
        }

        RevisionCount++;
        RevisionNote = note;
        Move(PlacementStatus.RevisionRequested);
    }

    public void Approve(int rating, string feedback, IReadOnlyList<Endorsement> endorsements, string verificationCode, DateTimeOffset now)
    {
        Require(PlacementStatus.Submitted, "be approved");
        PartnerFeedback = new PartnerFeedback(rating, feedback, now);
        Endorsements = endorsements;
        Complete(autoApproved: false, verificationCode, now);
    }

    /// <summary>Approves work the partner left unanswered past the review period; false if it is not due.</summary>
    public bool ApproveAutomatically(TimeSpan reviewPeriod, string verificationCode, DateTimeOffset now)
    {
        if (Status != PlacementStatus.Submitted || SubmittedAt + reviewPeriod > now)
        {
            return false;
        }

        Complete(autoApproved: true, verificationCode, now);
        return true;
    }

    /// <summary>
    /// Ends the placement and proposes the pro rata share of the logged hours; nothing is payable until a settlement
    /// decides it. The partner has <paramref name="settlementPeriod"/> to settle before coordinators take it over.
    /// </summary>
    public void Cancel(string cancelledBy, string reason, TimeSpan settlementPeriod, DateTimeOffset now)
    {
        if (Status is PlacementStatus.Completed or PlacementStatus.Cancelled)
        {
            throw WrongState("placement_wrong_state", "be cancelled");
        }

        CancelledBy = cancelledBy;
        CancelReason = reason;
        CancelledAt = now;
        ProposedPayableCents = Payable.ProRata(AmountCents, LoggedHours, EstimatedHours);
        Settlement = SettlementStatus.Pending;
        SettlementDueAt = now + settlementPeriod;
        Move(PlacementStatus.Cancelled);
    }

    /// <summary>
    /// Decides what the cancelled placement pays. The partner settles a pending settlement with up to the proposal
    /// (a reason below it); a coordinator settles a pending or escalated one with up to the whole amount (a reason when
    /// it differs from the proposal), and their word is final. A partner's settlement below the proposal stays open to
    /// the student's dispute for <paramref name="disputePeriod"/>.
    /// </summary>
    /// <returns>True when the settlement is final now: the payout is due.</returns>
    public bool Settle(SettlementParty by, long payableCents, string? reason, TimeSpan disputePeriod, DateTimeOffset now)
    {
        // The partner's time ends at the due time even before the clock job has escalated it; coordinators take over then.
        var open = by == SettlementParty.Coordinator
            ? Settlement is SettlementStatus.Pending or SettlementStatus.Escalated
            : Settlement == SettlementStatus.Pending && SettlementDueAt > now;
        if (!open)
        {
            throw DomainRuleException.Conflict("settlement_not_pending", Settlement switch
            {
                SettlementStatus.None => "Only a cancelled placement is settled.",
                SettlementStatus.Pending => "The partner's time to settle this cancellation is over; coordinators settle it now.",
                _ => $"This placement's settlement is {WireName.Of(Settlement)}; it cannot be settled {(by == SettlementParty.Partner ? "by the partner " : "")}now.",
            });
        }

        var proposal = ProposedPayableCents!.Value;
        var most = by == SettlementParty.Coordinator ? AmountCents : proposal;
        new FieldErrors()
            .When(payableCents < 0 || payableCents > most, "payableCents", $"payableCents must be 0 to {most}.")
            .When(payableCents != proposal && string.IsNullOrWhiteSpace(reason), "reason", $"Give a reason for paying other than the proposed {proposal} cents.")
            .ThrowIfAny();

        PayableCents = payableCents;
        SettledBy = by;
        SettlementReason = reason;
        SettledAt = now;
        if (by == SettlementParty.Partner && payableCents < proposal)
        {
            Settlement = SettlementStatus.Settled;
            SettlementDueAt = now + disputePeriod;
            Version++;
            return false;
        }

        MakeFinal();
        return true;
    }

    /// <summary>The student disputes a settlement below the proposal while it is open: coordinators decide, nothing is paid until then.</summary>
    public void Dispute(string reason, DateTimeOffset now)
    {
        if (Settlement != SettlementStatus.Settled || SettlementDueAt <= now)
        {
            throw DomainRuleException.Conflict("settlement_not_disputable",
                "Only a partner's settlement below the proposal can be disputed, within its dispute period.");
        }

        DisputeReason = reason;
        DisputedAt = now;
        Escalate(now);
    }

    /// <summary>The partner left a student's cancellation unsettled past its period: coordinators take it over.</summary>
    /// <returns>False when it is not due.</returns>
    public bool EscalateIfDue(DateTimeOffset now)
    {
        if (Settlement != SettlementStatus.Pending || SettlementDueAt > now)
        {
            return false;
        }

        Escalate(now);
        return true;
    }

    /// <summary>A settlement nobody disputed in time is final.</summary>
    /// <returns>False when it is not due.</returns>
    public bool MakeFinalIfDue(DateTimeOffset now)
    {
        if (Settlement != SettlementStatus.Settled || SettlementDueAt > now)
        {
            return false;
        }

        MakeFinal();
        return true;
    }

    public void GiveStudentFeedback(int rating, string comment, DateTimeOffset now)
    {
        Require(PlacementStatus.Completed, "receive the student's feedback");
        if (StudentFeedback is not null)
        {
            throw DomainRuleException.Conflict("feedback_exists", "The student's feedback on this placement was already given.");
        }

        StudentFeedback = new StudentFeedback(rating, comment, now);
        Version++;
    }

    /// <summary>Both sides' feedback is shown to each other once both gave theirs, or once the blind period is over.</summary>
    public bool FeedbackRevealed(TimeSpan blindPeriod, DateTimeOffset now) =>
        (PartnerFeedback is not null && StudentFeedback is not null) || (CompletedAt is { } completed && completed + blindPeriod <= now);

    /// <summary>
    /// Records that the ratings given so far are shown, when they are and one of them was not announced yet: at the
    /// second side's feedback, at the end of the blind period (the time rules), or at a side's late feedback after it.
    /// </summary>
    /// <returns>True when a rating was newly revealed, which is announced as <c>FeedbackRevealed</c>.</returns>
    public bool RevealFeedbackIfDue(TimeSpan blindPeriod, DateTimeOffset now)
    {
        var given = (PartnerFeedback is null ? 0 : 1) + (StudentFeedback is null ? 0 : 1);
        if (given <= RevealedRatings || !FeedbackRevealed(blindPeriod, now))
        {
            return false;
        }

        RevealedRatings = given;
        Version++;
        return true;
    }

    /// <summary>
    /// Payments' news of the placement's payout, applied by the payout's version: the payment status is a copy of what
    /// Payments decided, never decided here.
    /// </summary>
    public void RecordPayout(PaymentStatus status, long payoutVersion, string? failureReason, DateTimeOffset occurredAt)
    {
        if (payoutVersion <= PaymentVersion)
        {
            return;
        }

        PaymentVersion = payoutVersion;
        PaymentStatus = status;
        PaymentFailureReason = failureReason;
        PaidAt = status == PaymentStatus.Paid ? occurredAt : PaidAt;
        Version++;
    }

    /// <summary>Points the record at its newest credential; the credential's own events tell others.</summary>
    public void UseCredential(Credential credential) => CredentialId = credential.Id;

    public void MarkUnfunded()
    {
        if (FundingStatus == FundingStatus.Unfunded)
        {
            return;
        }

        FundingStatus = FundingStatus.Unfunded;
        Version++;
    }

    private void Complete(bool autoApproved, string verificationCode, DateTimeOffset now)
    {
        AutoApproved = autoApproved;
        CompletedAt = now;
        VerificationCode = verificationCode;
        Move(PlacementStatus.Completed);
    }

    private void Escalate(DateTimeOffset now)
    {
        Settlement = SettlementStatus.Escalated;
        EscalatedAt = now;
        SettlementDueAt = null;
        Version++;
    }

    private void MakeFinal()
    {
        Settlement = SettlementStatus.Final;
        SettlementDueAt = null;
        Version++;
    }

    private void Require(PlacementStatus expected, string action)
    {
        if (Status != expected)
        {
            throw WrongState("placement_wrong_state", action);
        }
    }

    private DomainRuleException WrongState(string code, string action) =>
        DomainRuleException.Conflict(code, $"A {WireName.Of(Status)} placement cannot {action}.");

    private void Move(PlacementStatus status)
    {
        Status = status;
        Version++;
    }
}
