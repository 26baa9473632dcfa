namespace MicroInternships.Messaging.Bench;

/// <summary>What consumes the outbox's events in a run.</summary>
internal enum TickConsumer
{
    /// <summary>No inbox: the relay alone.</summary>
    Plain,

    /// <summary>An inbox consumer writing only its inbox records.</summary>
    Inbox,

    /// <summary>An inbox consumer writing an effect row per message as well.</summary>
    InboxWithEffect,
}
