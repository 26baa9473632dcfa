namespace MicroInternships.Notifications;

/// <summary>The <c>Notifications</c> section.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>How often due reminders are looked for; a reminder goes out at most this late.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an open stream sends a comment line, so proxies on the way keep it open.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The connection that listens for new notifications, when it cannot be the service's own: a connection pooler in
    /// transaction mode (PgBouncer) does not carry <c>LISTEN</c>, so production points this at PostgreSQL directly.
    /// Empty means the service's connection string.
    /// </summary>
    public string? ListenConnectionString { get; set; }
}
