using System.Collections.Concurrent;

namespace MicroInternships.Messaging.Inbox;

/// <summary>Every inbox consumer's line in one process, by consumer type.</summary>
internal sealed class InboxLines(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Type, object> _lines = new();

    public InboxLine<TMessage> For<TMessage>(Type consumer) where TMessage : class =>
        (InboxLine<TMessage>)_lines.GetOrAdd(consumer, static (_, clock) => new InboxLine<TMessage>(clock), clock);
}
