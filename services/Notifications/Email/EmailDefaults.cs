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

    public static EmailDelivery DeliveryOf(string category) => _immediate.Contains(category) ? EmailDelivery.Immediate : EmailDelivery.Daily;

    /// <summary>Every category with its choice: the person's where they made one, the default elsewhere.</summary>
    public static IReadOnlyList<CategoryChoice> Merge(IEnumerable<EmailPreference> chosen)
    {
        var byCategory = chosen.ToDictionary(p => p.Category);
        return NotificationCategories.All
            .Select(category => byCategory.TryGetValue(category, out var p)
                ? new CategoryChoice(category, p.Email, p.Delivery)
                : new CategoryChoice(category, true, DeliveryOf(category)))
            .ToList();
    }
}

/// <summary>One category's email choice, as a person has it now.</summary>
public sealed record CategoryChoice(string Category, bool Email, EmailDelivery Delivery);
