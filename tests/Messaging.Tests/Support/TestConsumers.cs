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
            probe.TraceIds[context.Message.Key] = Activity.Current?.TraceId.ToString() ?? "";
            Db.Effects.Add(new Effect { RunId = context.Message.RunId, Key = context.Message.Key });
        }

        return Task.CompletedTask;
    }
}

/// <summary>Counts every delivery before the inbox sees it, so tests can tell deliveries from effects.</summary>
public sealed class DeliveryCountingFilter<T>(ConsumerProbe probe) : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.Message is IRunMessage message && message.RunId == probe.RunId)
        {
            probe.Delivered(context.MessageId!.Value);
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("deliveryCounting");
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
