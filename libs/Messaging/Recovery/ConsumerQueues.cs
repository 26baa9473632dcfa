using System.Collections.Concurrent;

namespace MicroInternships.Messaging.Recovery;

/// <summary>The queues this process consumes from, as MassTransit configures their endpoints; their <c>_error</c> queues are redriven.</summary>
public sealed class ConsumerQueues
{
    private readonly ConcurrentDictionary<string, bool> _names = new();

    public void Add(string queue) => _names.TryAdd(queue, true);

    public IReadOnlyCollection<string> Names => [.. _names.Keys.Order(StringComparer.Ordinal)];
}
