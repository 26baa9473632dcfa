namespace MicroInternships.Notifications.Domain;

public enum ReminderStatus
{
    Pending,
    Cancelled,
    Sent,
    Skipped,
}

/// <summary>
/// A notification due later (an offer about to expire, work about to be approved automatically, the Institute
/// tomorrow), kept by the version of the aggregate that times it, so events in any order, replayed or live, leave
/// the newest plan. One reminder per <see cref="Key"/>; it is sent once, by whichever replica claims it first.
/// A reminder already due when it is planned is never sent: it would tell of the past.
/// </summary>
public sealed class Reminder
{
    private Reminder()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>What the notification it sends is made from: new with every plan, so a reminder planned again after it was sent (work resubmitted) sends again, once.</summary>
    public Guid OccurrenceId { get; private set; }

    /// <summary>What it reminds of and for which aggregate, e.g. <c>offer_expiring:{applicationId}</c>.</summary>
    public string Key { get; private set; } = "";

    public long Version { get; private set; }

    public ReminderStatus Status { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The Institute event whose start times it, when one does: moving the event moves the reminder.</summary>
    public Guid? EventId { get; private set; }

    public RecipientKind RecipientKind { get; private set; }

    public string RecipientKey { get; private set; } = "";

    public string Category { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string Link { get; private set; } = "";

    public Recipient Recipient => new(RecipientKind, RecipientKey);

    /// <summary>A reminder nothing has planned yet: cancelled until a plan newer than its version arrives.</summary>
    public static Reminder For(string category, Guid aggregateId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Key = KeyOf(category, aggregateId),
        Category = category,
        Status = ReminderStatus.Cancelled,
    };

    public static string KeyOf(string category, Guid aggregateId) => $"{category}:{aggregateId:D}";

    public void Plan(long version, ReminderText text, DateTimeOffset dueAt, DateTimeOffset now, Guid? eventId = null)
    {
        if (version <= Version)
        {
            return;
        }

        Version = version;
        (RecipientKind, RecipientKey, Title, Body, Link) = (text.Recipient.Kind, text.Recipient.Key, text.Title, text.Body, text.Link);
        EventId = eventId;
        OccurrenceId = Guid.CreateVersion7(now);
        Reschedule(dueAt, now);
    }

    /// <summary>The aggregate moved on (the offer was answered, the work reviewed, the registration cancelled).</summary>
    public void Cancel(long version)
    {
        if (version <= Version)
        {
            return;
        }

        Version = version;
        if (Status == ReminderStatus.Pending)
        {
            Status = ReminderStatus.Cancelled;
        }
    }

    /// <summary>The time it is due by changed (the Institute moved), and with it what it says.</summary>
    public void Move(DateTimeOffset dueAt, string title, string body, DateTimeOffset now)
    {
        if (Status != ReminderStatus.Pending)
        {
            return;
        }

        (Title, Body) = (title, body);
        Reschedule(dueAt, now);
    }

    public void MarkSent() => Status = ReminderStatus.Sent;

    private void Reschedule(DateTimeOffset dueAt, DateTimeOffset now)
    {
        DueAt = dueAt;
        Status = dueAt > now ? ReminderStatus.Pending : ReminderStatus.Skipped;
    }
}

/// <summary>Who a reminder is for and what it will say.</summary>
public sealed record ReminderText(Recipient Recipient, string Title, string Body, string Link);
