namespace MicroInternships.Messaging.Inbox;

/// <summary>A message a consumer has applied, recorded in the same transaction as its effects.</summary>
public sealed class InboxMessage
{
    private InboxMessage()
    {
        Consumer = null!;
    }

    internal InboxMessage(Guid messageId, string consumer)
    {
        MessageId = messageId;
        Consumer = consumer;
    }

    public Guid MessageId { get; private set; }

    public string Consumer { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }
}
