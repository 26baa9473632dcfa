using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using MicroInternships.Messaging.Bench.Data;
using MicroInternships.Messaging.Inbox;
using Microsoft.Extensions.Logging;

namespace MicroInternships.Messaging.Bench;

public sealed class BareTickConsumer(Scenario scenario) : IConsumer<BareTick>
{
    public Task Consume(ConsumeContext<BareTick> context)
    {
        scenario.Recorder.Consumed(context.Message.SentAt);
        return Task.CompletedTask;
    }
}

/// <summary>An inbox consumer whose only write is its inbox record: like for like with the bare loop's consumer.</summary>
public sealed class InboxTickConsumer(BenchDbContext db, MessagingMetrics metrics, ILogger<InboxTickConsumer> logger)
    : InboxConsumer<OutboxTick, BenchDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<OutboxTick> context, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>An inbox consumer with an effect of its own, one row per message, committed with the inbox record.</summary>
public sealed class EffectTickConsumer(BenchDbContext db, MessagingMetrics metrics, ILogger<EffectTickConsumer> logger)
    : InboxConsumer<OutboxTick, BenchDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<OutboxTick> context, CancellationToken cancellationToken)
    {
        Db.Applied.Add(new Applied { Sequence = context.Message.Sequence });
        return Task.CompletedTask;
    }
}

/// <summary>Isolates the relay: the same events, consumed without touching the database.</summary>
public sealed class PlainOutboxTickConsumer : IConsumer<OutboxTick>
{
    public Task Consume(ConsumeContext<OutboxTick> context) => Task.CompletedTask;
}

/// <summary>Records after the inbox transaction committed, so the figure covers the whole consumer.</summary>
public sealed class RecordAfterConsume(Scenario scenario) : IConsumeMessageObserver<OutboxTick>
{
    public Task PreConsume(ConsumeContext<OutboxTick> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<OutboxTick> context)
    {
        var message = context.Message;
        if (message.SentAt != 0)
        {
            scenario.Recorder.Consumed(message.SentAt);
        }
        else
        {
            scenario.ConsumedAt[message.Sequence] = Stopwatch.GetTimestamp();
            scenario.Recorder.Consumed(latencyMilliseconds: null);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<OutboxTick> context, Exception exception) => Task.CompletedTask;
}

/// <summary>The recorder of the scenario being measured.</summary>
public sealed class Scenario
{
    public Recorder Recorder { get; set; } = new();

    /// <summary>Stopwatch timestamps by sequence, for latencies measured from the producer's commit.</summary>
    public ConcurrentDictionary<long, long> CommittedAt { get; } = new();

    public ConcurrentDictionary<long, long> ConsumedAt { get; } = new();
}
