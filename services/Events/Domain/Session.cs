namespace MicroInternships.Events.Domain;

/// <summary>One item of an event's agenda.</summary>
public sealed class Session
{
    private Session()
    {
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public string Title { get; private set; } = "";

    public SessionKind Kind { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string? Room { get; private set; }

    public static Session Create(Guid eventId, string title, SessionKind kind, DateTimeOffset startsAt, DateTimeOffset endsAt, string? room) => new()
    {
        Id = Guid.CreateVersion7(),
        EventId = eventId,
        Title = title,
        Kind = kind,
        StartsAt = startsAt,
        EndsAt = endsAt,
        Room = room,
    };
}
