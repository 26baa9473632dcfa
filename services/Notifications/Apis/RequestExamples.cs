using MicroInternships.Notifications.Domain;
using MicroInternships.Notifications.Email;

namespace MicroInternships.Notifications.Apis;

/// <summary>The request bodies the API description shows: a student who wants offers at once and feedback in the digest.</summary>
internal static class NotificationsRequestExamples
{
    public static readonly object[] All =
    [
        new NotificationPreferencesRequest(
        [
            new CategoryPreferenceRequest(NotificationCategories.OfferReceived, true, EmailDelivery.Immediate),
            new CategoryPreferenceRequest(NotificationCategories.FeedbackRevealed, true, EmailDelivery.Daily),
            new CategoryPreferenceRequest(NotificationCategories.RegistrationWaitlisted, false, null),
        ]),
    ];
}
