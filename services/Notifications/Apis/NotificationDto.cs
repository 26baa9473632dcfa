using System.Linq.Expressions;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Notifications.Apis;

/// <summary>
/// A notification as its reader sees it: addressed to them (<c>person</c>, their subject), to their organization
/// (<c>organization</c>, its id) or to their role (<c>role</c>, its name); made from the integration event or reminder
/// <see cref="SourceEventId"/>; <see cref="Read"/> is whether this reader has read it.
/// </summary>
public sealed record NotificationDto(
    Guid Id, RecipientKind RecipientKind, string Recipient, string Category, string Title, string Body, string Link, DateTimeOffset CreatedAt,
    Guid SourceEventId, bool Read) : ICreatedInOrder;

/// <summary>What the header's bell shows.</summary>
public sealed record NotificationSummaryDto(int Unread);

internal static class NotificationMapping
{
    public static NotificationDto ToDto(this Notification n, bool read) =>
        new(n.Id, n.RecipientKind, n.RecipientKey, n.Category, n.Title, n.Body, n.Link, n.CreatedAt, n.SourceEventId, read);

    /// <summary>The notification as <paramref name="readerId"/> sees it, read state included, in one query.</summary>
    public static Expression<Func<Notification, NotificationDto>> AsSeenBy(NotificationsDbContext db, string readerId) =>
        n => new NotificationDto(
            n.Id, n.RecipientKind, n.RecipientKey, n.Category, n.Title, n.Body, n.Link, n.CreatedAt, n.SourceEventId,
            db.Reads.Any(r => r.NotificationId == n.Id && r.ReaderId == readerId));

    public static IQueryable<Notification> UnreadBy(this IQueryable<Notification> notifications, NotificationsDbContext db, string readerId) =>
        notifications.Where(n => !db.Reads.Any(r => r.NotificationId == n.Id && r.ReaderId == readerId));
}
