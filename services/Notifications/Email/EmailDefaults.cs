using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Email;

/// <summary>
/// What a person gets by email before choosing: anything with a deadline or money at once (offers, reminders,
/// settlements, payouts, escalations), the rest in the daily digest.
/// </summary>
public static class EmailDefaults
{
    private static readonly HashSet<string> _immediate =
    [
        NotificationCategories.OfferReceived,
        NotificationCategories.CredentialRevoked,
        NotificationCategories.OfferExpiring,
        NotificationCategories.OfferExpired,
        NotificationCategories.ApprovalDue,
        NotificationCategories.InstituteTomorrow,
        NotificationCategories.SettlementMade,
        NotificationCategories.SettlementWaiting,
        NotificationCategories.SettlementEscalated,
        NotificationCategories.PayoutOnHold,
        NotificationCategories.PayoutPaid,
        NotificationCategories.PayoutFailed,
        NotificationCategories.PayoutReturned,
        NotificationCategories.PayoutFailedTwice,
        NotificationCategories.PayoutFlagged,
        NotificationCategories.FundLow,
    ];

    private static EmailDelivery DeliveryOf(string category) => _immediate.Contains(category) ? EmailDelivery.Immediate : EmailDelivery.Daily;

    /// <summary>One category's choice: the person's if they made one, the default otherwise.</summary>
    public static CategoryChoice ChoiceOf(string category, EmailPreference? chosen) =>
        chosen is null ? new CategoryChoice(category, true, DeliveryOf(category)) : new CategoryChoice(category, chosen.Email, chosen.Delivery);

    /// <summary>Every category with its choice: the person's where they made one, the default elsewhere.</summary>
    public static IReadOnlyList<CategoryChoice> Merge(IEnumerable<EmailPreference> chosen)
    {
        var byCategory = chosen.ToDictionary(p => p.Category);
        return NotificationCategories.All.Select(category => ChoiceOf(category, byCategory.GetValueOrDefault(category))).ToList();
    }
}

/// <summary>One category's email choice, as a person has it now.</summary>
public sealed record CategoryChoice(string Category, bool Email, EmailDelivery Delivery);
