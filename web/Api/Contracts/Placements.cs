using System.Text.Json.Serialization;

namespace MicroInternships.Web.Api.Contracts;

/// <summary>A student's application to a listing; amount, currency and hours are copied in when offered.</summary>
public sealed record Application(
    Guid Id,
    Guid ListingId,
    Guid OrganizationId,
    string StudentId,
    string StudentName,
    Guid? CourseId,
    string Pitch,
    string Status,
    long? AmountCents,
    string? Currency,
    int? EstimatedHours,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? OfferedAt,
    DateTimeOffset? OfferExpiresAt,
    DateTimeOffset? DecidedAt,
    long Version);

/// <summary>Body of POST /api/applications.</summary>
public sealed record ApplyRequest(Guid ListingId, string Pitch, Guid? CourseId);

/// <summary>
/// A placement; <c>RevisionNote</c> is the latest revision request's note (kept after resubmission). Once cancelled, a
/// settlement decides what it pays (<c>Settlement</c>: none, pending, escalated, settled or final): <c>PayableCents</c>
/// is null until then, <c>SettlementDueAt</c> is when a pending one escalates or a settled one's dispute period ends.
/// <c>FundId</c> is shown to coordinators only.
/// </summary>
public sealed record Placement(
    Guid Id,
    Guid ApplicationId,
    Guid ListingId,
    string ListingTitle,
    string StudentId,
    string StudentName,
    Guid OrganizationId,
    string OrganizationName,
    Guid? CourseId,
    Guid? FundId,
    long AmountCents,
    string Currency,
    int EstimatedHours,
    decimal LoggedHours,
    string Status,
    string PaymentStatus,
    string? PaymentFailureReason,
    string FundingStatus,
    int RevisionCount,
    bool AutoApproved,
    string? DeliverableUrl,
    string? SubmissionNote,
    string? RevisionNote,
    string? CancelledBy,
    string? CancelReason,
    string Settlement,
    long? ProposedPayableCents,
    long? PayableCents,
    string? SettledBy,
    string? SettlementReason,
    DateTimeOffset? SettledAt,
    DateTimeOffset? SettlementDueAt,
    string? DisputeReason,
    DateTimeOffset? DisputedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? PaidAt,
    long Version);

public sealed record TimeEntry(Guid Id, DateOnly Date, decimal Hours, string Note, DateTimeOffset CreatedAt);

/// <summary>GET /api/placements/{id}/time-entries: all entries (date, then creation order), unpaged, with the total.</summary>
public sealed record TimeSheet(IReadOnlyList<TimeEntry> Items, decimal TotalHours, int EstimatedHours);

/// <summary>Body of POST /api/placements/{id}/time-entries (hours 0.25..12 in quarter hours).</summary>
public sealed record TimeEntryRequest(DateOnly Date, decimal Hours, string? Note);

/// <summary>Body of POST /api/placements/{id}/submit.</summary>
public sealed record SubmitRequest(string? DeliverableUrl, string Note);

/// <summary>Body of POST /api/placements/{id}/approve.</summary>
public sealed record ApproveRequest(int Rating, string Feedback);

/// <summary>Body of POST /api/placements/{id}/request-revision.</summary>
public sealed record RevisionRequest(string Note);

/// <summary>Body of POST /api/placements/{id}/cancel: only a partner or a coordinator says what it pays (left out, the proposal).</summary>
public sealed record CancelRequest(string Reason, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? PayableCents = null);

/// <summary>Body of POST /api/placements/{id}/settlement: a reason is needed for any amount but the proposal.</summary>
public sealed record SettlementRequest(long PayableCents, string? Reason);

/// <summary>Body of POST /api/placements/{id}/settlement/dispute.</summary>
public sealed record DisputeRequest(string Reason);

/// <summary>A reflection; <c>AuthorRole</c> is the author's role (student or faculty).</summary>
public sealed record Reflection(Guid Id, string AuthorId, string AuthorName, string AuthorRole, string Text, DateTimeOffset CreatedAt);

/// <summary>Body of POST /api/placements/{id}/reflections.</summary>
public sealed record ReflectionRequest(string Text);

public sealed record PartnerFeedback(int Rating, string Feedback, DateTimeOffset GivenAt);

public sealed record StudentFeedback(int Rating, string Comment, DateTimeOffset GivenAt);

/// <summary>GET /api/placements/{id}/feedback: a side is null when not given or still hidden from the caller; <c>RevealsAt</c> is null before completion.</summary>
public sealed record FeedbackView(PartnerFeedback? Partner, StudentFeedback? Student, bool Revealed, DateTimeOffset? RevealsAt);

/// <summary>Body of POST /api/placements/{id}/student-feedback.</summary>
public sealed record StudentFeedbackRequest(int Rating, string Comment);

/// <summary>GET /api/placements/{id}/record: the student's verifiable completion record.</summary>
public sealed record PlacementRecord(string VerificationCode, string VerifyUrl);

/// <summary>GET /api/verify/{code}: what anyone learns from a verification code.</summary>
public sealed record VerifiedRecord(string StudentName, string OrganizationName, string ListingTitle, decimal Hours, DateTimeOffset CompletedAt, bool Paid);
