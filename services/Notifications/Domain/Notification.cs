using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Notifications.Domain;

/// <summary>
/// Something a person needs to know, made once from one integration event for one recipient. Its text is written here
/// (events carry ids, never personal text); <see cref="Link"/> is the website path where the person acts on it.
/// Whether it was read is each reader's own (<see cref="NotificationRead"/>).
/// </summary>
public sealed class Notification : ICreatedInOrder
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public RecipientKind RecipientKind { get; private set; }

    public string RecipientKey { get; private set; } = "";

    public string Category { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string Link { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The integration event (or the reminder) it was made from; with the recipient, unique.</summary>
    public Guid SourceEventId { get; private set; }

    public static Notification For(Recipient recipient, string category, string title, string body, string link, Guid sourceEventId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RecipientKind = recipient.Kind,
        RecipientKey = recipient.Key,
        Category = category,
        Title = title,
        Body = body,
        Link = link,
        CreatedAt = now,
        SourceEventId = sourceEventId,
    };
}
