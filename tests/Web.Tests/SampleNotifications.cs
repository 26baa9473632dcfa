using MicroInternships.Clients.Notifications.Models;

namespace MicroInternships.Web.Tests;

/// <summary>Notifications as the API returns them, for the bell, the notifications page and the home page.</summary>
internal static class SampleNotifications
{
    public static readonly Guid OfferId = Guid.Parse("0193b6a0-0000-7000-8000-0000000000d1");
    public static readonly Guid ApprovedId = Guid.Parse("0193b6a0-0000-7000-8000-0000000000d2");

    public static NotificationDto Offer() => new()
    {
        Id = OfferId,
        Category = "application_offered",
        Title = "You have an offer for Loyalty survey",
        Body = "Cascade Analytics offers $400.00 for 20 hours.",
        Link = "/applications",
        CreatedAt = new DateTimeOffset(2026, 11, 21, 18, 0, 0, TimeSpan.Zero),
        Read = false,
    };

    public static NotificationDto Approved() => new()
    {
        Id = ApprovedId,
        Category = "work_approved",
        Title = "Your work on Loyalty survey was approved",
        Body = "Your payment is on its way.",
        Link = "/placements/0193b6a0-0000-7000-8000-0000000000cc",
        CreatedAt = new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero),
        Read = true,
    };

    public static string Json(NotificationDto notification) => KiotaJson.Of(notification);

    public static string Page(params NotificationDto[] notifications) =>
        $$"""{"items":[{{string.Join(",", notifications.Select(Json))}}],"nextCursor":null}""";

    /// <summary>One <c>notification</c> event as the stream writes it.</summary>
    public static string Event(NotificationDto notification) =>
        $"id: {notification.Id}\nevent: notification\ndata: {Json(notification)}\n\n";
}
