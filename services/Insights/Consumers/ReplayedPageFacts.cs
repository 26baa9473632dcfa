using MassTransit;
using MicroInternships.Contracts.Replay;
using MicroInternships.Insights.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Replay;

namespace MicroInternships.Insights.Consumers;

/// <summary>
/// A page of a publisher's history (hundreds of events, docs/messaging.md "Replay"), written as its events' own consumers
/// write them, in one round trip and one transaction per page: a rebuild costs a message per page instead of per event.
/// Two pages are written at once; their facts do not depend on the order they arrive in. Pages are only ever sent to the
/// replay queue, so the consumer has no queue of its own (nor the exchange its own would be bound to).
/// </summary>
[InboxBatch(size: 1, concurrency: 2)]
[ExcludeFromConfigureEndpoints]
public sealed class ReplayedPageFacts(InsightsDbContext db, IEnumerable<IFactWriter> writers, MessagingMetrics metrics, ILogger<ReplayedPageFacts> logger)
    : InboxConsumer<ReplayedPage, InsightsDbContext>(db, metrics, logger)
{
    private readonly Dictionary<Type, IFactWriter> _writers = writers.ToDictionary(writer => writer.EventType);

    protected override bool AppliesReplayedEvents => true;

    protected override Task PrepareBatchAsync(IReadOnlyList<ConsumeContext<ReplayedPage>> deliveries, CancellationToken cancellationToken)
    {
        var batch = new FactBatch();
        foreach (var (_, message) in deliveries.SelectMany(page => ReplayedPages.Messages(page.Message)))
        {
            var writer = _writers.GetValueOrDefault(message.GetType())
                ?? throw new InvalidOperationException($"Insights has no consumer of the {message.GetType().Name} a replayed page carries.");
            writer.Write(batch, message);
        }

        return batch.ExecuteAsync(Db, cancellationToken);
    }

    /// <summary>Written with the rest of the page, before this.</summary>
    protected override Task HandleAsync(ConsumeContext<ReplayedPage> context, CancellationToken cancellationToken) => Task.CompletedTask;
}
