namespace MicroInternships.Messaging.EventLog;

/// <summary>
/// One integration event the service published, kept for good: written with its outbox row in the same transaction
/// (same id, same payload) and never pruned, so a consumer that starts later can replay the service's whole history.
/// <see cref="Sequence"/> is the order the events were written in.
/// </summary>
public sealed class LoggedEvent
{
    private LoggedEvent()
    {
        MessageType = null!;
        Payload = null!;
    }

    internal LoggedEvent(Guid messageId, string messageType, string payload)
    {
        MessageId = messageId;
        MessageType = messageType;
        Payload = payload;
    }

    public long Sequence { get; private set; }

    public Guid MessageId { get; private set; }

    public string MessageType { get; private set; }

    public string Payload { get; private set; }

    /// <summary>Set by the database.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
}
