using System.Collections.Concurrent;
using System.Reflection;

namespace MicroInternships.Messaging.Inbox;

/// <summary>
/// An inbox consumer whose messages are large (a page of a history, hundreds of events each) applies fewer of them per
/// transaction than <see cref="MessagingOptions.InboxBatchSize"/>, and may apply more batches at once.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class InboxBatchAttribute(int size, int concurrency) : Attribute
{
    public int Size => size;

    public int Concurrency => concurrency;

    private static readonly ConcurrentDictionary<Type, InboxBatchAttribute?> _declared = new();

    /// <summary>The batch size and concurrency of <paramref name="consumer"/>: its own, else the service's settings.</summary>
    public static (int Size, int Concurrency) Of(Type consumer, MessagingOptions options) =>
        _declared.GetOrAdd(consumer, static type => type.GetCustomAttribute<InboxBatchAttribute>()) is { } batch
            ? (batch.Size, batch.Concurrency)
            : (options.InboxBatchSize, options.InboxBatchConcurrency);
}
