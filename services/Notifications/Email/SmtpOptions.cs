using MailKit.Security;

namespace MicroInternships.Notifications.Email;

/// <summary>The <c>Smtp</c> section: the mail server the program sends through.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>TLS as MailKit names it; <c>Auto</c> uses STARTTLS where the server offers it.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Each SMTP operation's; a send is several (sender, recipient, data, the server's last answer).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest one email's send can take: its five operations each at the timeout.</summary>
    public TimeSpan LongestSend => Timeout * 5;
}
