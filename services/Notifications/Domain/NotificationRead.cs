namespace MicroInternships.Notifications.Domain;

/// <summary>One person has read one notification: an organization's partners and a role's members each read for themselves.</summary>
public sealed class NotificationRead(Guid notificationId, string readerId, DateTimeOffset readAt)
{
    public Guid NotificationId { get; private set; } = notificationId;

    public string ReaderId { get; private set; } = readerId;

    public DateTimeOffset ReadAt { get; private set; } = readAt;
}
