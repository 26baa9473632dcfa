namespace MicroInternships.Messaging.Outbox;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the change that caused it.
/// Its id becomes the message's <c>MessageId</c>, which is what consumers' inboxes deduplicate on.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        MessageType = null!;
        Payload = null!;
    }

    internal OutboxMessage(Guid id, string messageType, string payload, string? traceParent, string? traceState)
    {
        Id = id;
        MessageType = messageType;
        Payload = payload;
        TraceParent = traceParent;
        TraceState = traceState;
    }

    public Guid Id { get; private set; }

    public string MessageType { get; private set; }

    public string Payload { get; private set; }

    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }

    /// <summary>Set by the database (its clock is the one all replicas share).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset AvailableAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? ParkedAt { get; private set; }

    /// <summary>For a replay (<see cref="Replay.EventReplays"/>): the one consumer's exchange the event is sent to, instead of being published to all.</summary>
    public string? ReplayTo { get; private set; }

    /// <summary>For a replay: the logged event's own id, which the message keeps, so an inbox that applied it live skips it.</summary>
    public Guid? ReplayOf { get; private set; }

    /// <summary>Keeps polls off a row that is about to be written, until <paramref name="until"/> (see <see cref="OutboxHandOff{TContext}"/>).</summary>
    internal void ReserveUntil(DateTimeOffset until) => AvailableAt = until;
}
