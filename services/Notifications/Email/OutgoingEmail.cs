using System.Security.Cryptography;
using System.Text;

namespace MicroInternships.Notifications.Email;

/// <summary>
/// One email to one person, written in the transaction that made its notification (or the morning's digest) and sent
/// later by <see cref="EmailSender"/>: a mail server that is down delays it, never loses it. <see cref="SendAfter"/> is
/// when it is next due, pushed ahead while a sender holds it and after each failed attempt.
/// </summary>
public sealed class OutgoingEmail
{
    public const int MaxErrorLength = 1000;

    private OutgoingEmail()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>What it is the email of, unique: <c>n:{notification}:{person}</c> or <c>digest:{day}:{person}</c>.</summary>
    public string MessageKey { get; private set; } = "";

    public string RecipientSubject { get; private set; } = "";

    public string Address { get; private set; } = "";

    /// <summary>The category its unsubscribe link turns off (<see cref="UnsubscribeLinks.DailyDigest"/> for a digest).</summary>
    public string Category { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    /// <summary>The one-click (RFC 8058) address for <c>List-Unsubscribe</c>.</summary>
    public string UnsubscribeUrl { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset SendAfter { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set when the mail server refused it for good (an address that does not exist): it is not tried again.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutgoingEmail Compose(string messageKey, string recipientSubject, string address, string category, ComposedEmail content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MessageKey = messageKey,
        RecipientSubject = recipientSubject,
        Address = address,
        Category = category,
        Subject = content.Subject,
        TextBody = content.Text,
        HtmlBody = content.Html,
        UnsubscribeUrl = content.UnsubscribeUrl,
        CreatedAt = now,
        SendAfter = now,
    };

    public static string KeyOfNotification(Guid notificationId, string recipientSubject) => $"n:{notificationId:N}:{recipientSubject}";

    public static string KeyOfContactEmail(Guid emailId) => $"contact:{emailId:N}";

    public static string KeyOfDigest(DateOnly day, string recipientSubject) => $"digest:{day:yyyy-MM-dd}:{recipientSubject}";

    /// <summary>
    /// The <c>Message-ID</c>, the same on every attempt: a mail server that received it once (the send the job could not
    /// record) can drop the second copy.
    /// </summary>
    public string MessageId(string domain) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MessageKey)))[..32]}@{domain}";

    /// <summary>Held by a sender until <paramref name="until"/>; if it never records the outcome, another takes it then.</summary>
    public void Lease(DateTimeOffset until)
    {
        Attempts++;
        SendAfter = until;
    }
}
