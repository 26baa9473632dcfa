using MicroInternships.Messaging.Replay;
using MicroInternships.Contracts.Replay;
using System.Diagnostics;
using MassTransit;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Tests.Data;
using Microsoft.Extensions.Logging;

namespace MicroInternships.Messaging.Tests.Support;

public sealed class WorkConsumer(TestDbContext db, MessagingMetrics metrics, ConsumerProbe probe, ILogger<WorkConsumer> logger)
    : InboxConsumer<WorkRequested, TestDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<WorkRequested> context, CancellationToken cancellationToken)
    {
        if (context.Message.RunId == probe.RunId)
        {
            if (context.Message.Key.StartsWith("poison", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Poison on purpose.");
            }

            if (context.Message.Key.StartsWith("outage", StringComparison.Ordinal) && probe.DependencyDown)
            {
                throw new TimeoutException("The dependency is down on purpose.");
            }

            probe.TraceIds[context.Message.Key] = Activity.Current?.TraceId.ToString() ?? "";
            Db.Effects.Add(new Effect { RunId = context.Message.RunId, Key = context.Message.Key });
        }

        return Task.CompletedTask;
    }
}

/// <summary>Builds state from its events, so a replay of them is applied like the live ones.</summary>
public sealed class HistoryConsumer(TestDbContext db, MessagingMetrics metrics, ConsumerProbe probe, ILogger<HistoryConsumer> logger)
    : InboxConsumer<HistoryRecorded, TestDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<HistoryRecorded> context, CancellationToken cancellationToken)
    {
        if (context.Message.RunId == probe.RunId)
        {
            Db.Effects.Add(new Effect { RunId = context.Message.RunId, Key = context.Message.Key });
        }

        return Task.CompletedTask;
    }
}

/// <summary>Takes the history of <see cref="HistoryRecorded"/> in pages, applying each event of a page as <see cref="HistoryConsumer"/> would.</summary>
[InboxBatch(size: 1, concurrency: 2)]
[ExcludeFromConfigureEndpoints]
public sealed class HistoryPageConsumer(TestDbContext db, MessagingMetrics metrics, ConsumerProbe probe, ILogger<HistoryPageConsumer> logger)
    : InboxConsumer<ReplayedPage, TestDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<ReplayedPage> context, CancellationToken cancellationToken)
    {
        foreach (var (_, message) in ReplayedPages.Messages(context.Message))
        {
            if (message is HistoryRecorded recorded && recorded.RunId == probe.RunId)
            {
                Db.Effects.Add(new Effect { RunId = recorded.RunId, Key = recorded.Key });
            }
        }

        return Task.CompletedTask;
    }
}

public sealed class SubscribedWorkConsumer(TestDbContext db, MessagingMetrics metrics, ConsumerProbe probe, ILogger<SubscribedWorkConsumer> logger)
    : InboxConsumer<SubscribedWorkRequested, TestDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<SubscribedWorkRequested> context, CancellationToken cancellationToken)
    {
        if (context.Message.RunId == probe.RunId)
        {
            Db.Effects.Add(new Effect { RunId = context.Message.RunId, Key = context.Message.Key });
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Counts every delivery of a <see cref="WorkRequested"/> as it arrives, before the batch and the inbox see it,
/// so tests can tell deliveries from effects.
/// </summary>
public sealed class DeliveryCounter(ConsumerProbe probe) : IConsumeMessageObserver<WorkRequested>
{
    public Task PreConsume(ConsumeContext<WorkRequested> context)
    {
        if (context.Message.RunId == probe.RunId)
        {
            probe.Delivered(context.MessageId!.Value);
        }

        return Task.CompletedTask;
    }

    public Task PostConsume(ConsumeContext<WorkRequested> context) => Task.CompletedTask;

    public Task ConsumeFault(ConsumeContext<WorkRequested> context, Exception exception) => Task.CompletedTask;
}

public sealed class FlakyWorkConsumer(TestDbContext db, MessagingMetrics metrics, ConsumerProbe probe, ILogger<FlakyWorkConsumer> logger)
    : InboxConsumer<FlakyWorkRequested, TestDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<FlakyWorkRequested> context, CancellationToken cancellationToken)
    {
        if (context.Message.RunId != probe.RunId)
        {
            return;
        }

        // The effect is written before the failure, so a retry that did not roll it back would leave two rows.
        Db.Effects.Add(new Effect { RunId = context.Message.RunId, Key = context.Message.Key });
        await Db.SaveChangesAsync(cancellationToken);
        if (probe.Delivered(context.MessageId!.Value) <= context.Message.Failures)
        {
            throw new InvalidOperationException("Failing on purpose.");
        }
    }
}

public sealed class PoisonWorkConsumer(ConsumerProbe probe) : IConsumer<PoisonWorkRequested>
{
    public Task Consume(ConsumeContext<PoisonWorkRequested> context)
    {
        if (context.Message.RunId != probe.RunId)
        {
            return Task.CompletedTask;
        }

        probe.Delivered(context.MessageId!.Value);
        throw new InvalidOperationException($"{context.Message.Key} can never be processed.");
    }
}
