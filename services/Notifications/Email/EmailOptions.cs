namespace MicroInternships.Notifications.Email;

/// <summary>The <c>Email</c> section: whether the program emails, as whom, and how its links and retries go.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>Off only by saying so: outside Development a service with email on refuses to start without <c>Smtp:Host</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The sender's display name: the program's.</summary>
    public string FromName { get; set; } = "Micro-Internships";

    public string FromAddress { get; set; } = "";

    /// <summary>The website's public address: the links in each email are its pages.</summary>
    public Uri? WebsiteUrl { get; set; }

    /// <summary>The gateway's public address, for the one-click unsubscribe a mail client posts to.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The key unsubscribe links are signed with (at least 32 characters).</summary>
    public string UnsubscribeSigningKey { get; set; } = "";

    public TimeSpan UnsubscribeLinkLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>The hour, in the program's time zone, the daily digest goes out.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>How often the sender looks for email due; new email wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past <see cref="DigestHour"/> the digest waits: longer than any transaction that stamps a notification
    /// before the hour and commits after it, so none falls between two digests.
    /// </summary>
    public TimeSpan DigestGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often each replica looks whether the day's digest is due: it goes out at most this late.</summary>
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Emails claimed, and sent over one connection, at a time by one sender.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Senders at work at once in each replica, each with its own connection to the mail server.</summary>
    public int SendConcurrency { get; set; } = 4;

    /// <summary>How long a claimed email is left to its sender before another takes it: longer than a batch's sending.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);
}
