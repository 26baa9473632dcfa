namespace MicroInternships.Notifications.Email;

/// <summary>
/// A person's choice for one category, stored only once they make it; until then <see cref="EmailDefaults"/> decide.
/// In-app notifications are not a choice: every category always shows in the app.
/// </summary>
public sealed class EmailPreference
{
    private EmailPreference()
    {
    }

    public string Subject { get; private set; } = "";

    public string Category { get; private set; } = "";

    public bool Email { get; private set; }

    public EmailDelivery Delivery { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static EmailPreference For(string subject, string category, bool email, EmailDelivery delivery, DateTimeOffset now) => new()
    {
        Subject = subject,
        Category = category,
        Email = email,
        Delivery = delivery,
        UpdatedAt = now,
    };
}
