using System.Reflection;

namespace MicroInternships.Notifications.Domain;

/// <summary>The kinds of notification, as the API names them (docs/notifications.md has the table of who gets which, from what).</summary>
public static class NotificationCategories
{
    public const string OfferReceived = "offer_received";
    public const string OfferExpiring = "offer_expiring";
    public const string OfferExpired = "offer_expired";
    public const string ApplicationRejected = "application_rejected";
    public const string RevisionRequested = "revision_requested";
    public const string WorkApproved = "work_approved";
    public const string SettlementMade = "settlement_made";
    public const string SettlementEscalated = "settlement_escalated";
    public const string PayoutOnHold = "payout_on_hold";
    public const string PayoutPaid = "payout_paid";
    public const string PayoutFailed = "payout_failed";
    public const string PayoutReturned = "payout_returned";
    public const string RegistrationConfirmed = "registration_confirmed";
    public const string RegistrationWaitlisted = "registration_waitlisted";
    public const string RegistrationPromoted = "registration_promoted";
    public const string InstituteTomorrow = "institute_tomorrow";
    public const string FeedbackRevealed = "feedback_revealed";
    public const string CredentialRevoked = "credential_revoked";

    public const string ApplicationReceived = "application_received";
    public const string OfferAccepted = "offer_accepted";
    public const string OfferDeclined = "offer_declined";
    public const string WorkSubmitted = "work_submitted";
    public const string ApprovalDue = "approval_due";
    public const string SettlementWaiting = "settlement_waiting";
    public const string ListingClosed = "listing_closed";
    public const string CourseRequestAnswered = "course_request_answered";
    public const string ListingLinked = "listing_linked";

    public const string CourseRequestReceived = "course_request_received";
    public const string PlacementCompleted = "placement_completed";
    public const string ReflectionShared = "reflection_shared";

    public const string PayoutFailedTwice = "payout_failed_twice";
    public const string FundLow = "fund_low";
    public const string PayoutFlagged = "payout_flagged";

    /// <summary>Every category, in the order above: what preferences are chosen over.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(NotificationCategories)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    public static bool IsKnown(string category) => All.Contains(category);
}
