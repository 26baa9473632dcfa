using System.Collections.Concurrent;

namespace MicroInternships.Messaging.Tests.Support;

/// <summary>What the test consumers saw, beyond the effects they wrote: every delivery and its trace.</summary>
public sealed class ConsumerProbe(string runId)
{
    public string RunId { get; } = runId;

    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public ConcurrentDictionary<string, string> TraceIds { get; } = new();

    /// <summary>While set, <see cref="WorkConsumer"/> fails its <c>outage</c> messages as if its database were down.</summary>
    public bool DependencyDown { get; set; }

    public int Delivered(Guid messageId) => Deliveries.AddOrUpdate(messageId, 1, (_, count) => count + 1);
}
