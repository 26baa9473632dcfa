using System.Diagnostics.Metrics;
using MassTransit;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Tests.Support;
using MicroInternships.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RabbitMQ.Client;

namespace MicroInternships.Messaging.Tests;

/// <summary>Consumers under failure: retries never double an effect, and what can never succeed is parked in <c>_error</c>.</summary>
public sealed class InboxTests : MessagingTest
{
    [Fact]
    public async Task ConsumerFailingTwiceThenSucceeding_AppliesTheEffectOnce()
    {
        await using var host = await StartHostAsync();

        await host.CommitAsync(new FlakyWorkRequested(RunId, "flaky", Failures: 2));
        var messageId = await host.WithDbAsync(db => db.Set<OutboxMessage>().Select(m => m.Id).SingleAsync());

        // At least: a relay whose publish confirmation is slow may publish the message again, and the inbox absorbs that too.
        await Eventually.HoldsAsync(() => Task.FromResult(host.Probe.Deliveries.GetValueOrDefault(messageId) >= 3), "the third attempt ran");
        await Eventually.HoldsAsync(
            () => host.WithDbAsync(db => db.Set<Inbox.InboxMessage>().AnyAsync(m => m.MessageId == messageId)), "the inbox recorded the message");
        Assert.Equal(1, await host.WithDbAsync(db => db.Effects.CountAsync(e => e.Key == "flaky")));
    }

    [Fact]
    public async Task PoisonMessage_EndsInTheErrorQueueAfterItsRetries_AndIsCountedThere()
    {
        await using var host = await StartHostAsync();
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var failures = new MetricCollector<long>(meters, MessagingMetrics.MeterName, "consumer.failures");
        using var errorArrivals = new MetricCollector<long>(meters, MessagingMetrics.MeterName, "consumer.error_queue.arrivals");

        await host.CommitAsync(new PoisonWorkRequested(RunId, "poison"));
        var messageId = await host.WithDbAsync(db => db.Set<OutboxMessage>().Select(m => m.Id).SingleAsync());

        var errorQueue = $"{ServiceName}-poison-work_error";
        await Eventually.HoldsAsync(async () => await ErrorQueueHoldsAsync(errorQueue, messageId), $"the message is in {errorQueue}");
        // One delivery and three retries per copy the relay published (a slow confirmation can make it two copies).
        var deliveries = host.Probe.Deliveries[messageId];
        Assert.True(deliveries >= 4 && deliveries % 4 == 0, $"{deliveries} deliveries");
        await Eventually.HoldsAsync(() => Task.FromResult(Sum(errorArrivals) == deliveries / 4), "each copy counted once in the error queue");
        Assert.Equal(deliveries, Sum(failures));
        Assert.All(errorArrivals.GetMeasurementSnapshot(), m => Assert.Equal($"{ServiceName}-poison-work", m.Tags["queue"]));
    }

    private static long Sum(MetricCollector<long> counter) => counter.GetMeasurementSnapshot().Sum(m => m.Value);

    [Fact]
    public async Task PoisonMessageInABatch_DoesNotHoldBackTheOthers_AndEndsInTheErrorQueue()
    {
        await using var host = await StartHostAsync();

        // One commit, so the relay publishes them together and the consumer takes them as one batch.
        await host.WithDbAsync(async db =>
        {
            for (var index = 0; index < 9; index++)
            {
                db.AddIntegrationEvent(new WorkRequested(RunId, $"batch-{index}"));
            }

            db.AddIntegrationEvent(new WorkRequested(RunId, "poison-in-batch"));
            return await db.SaveChangesAsync();
        });
        var rows = await host.WithDbAsync(db => db.Set<OutboxMessage>().ToListAsync());
        var poisonId = rows.Single(m => m.Payload.Contains("poison-in-batch", StringComparison.Ordinal)).Id;

        await Eventually.HoldsAsync(async () => await host.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId)) == 9, "the nine good messages were applied");
        var errorQueue = $"{ServiceName}-work_error";
        await Eventually.HoldsAsync(async () => await ErrorQueueHoldsAsync(errorQueue, poisonId), $"the poison message is in {errorQueue}");
        var effects = await host.WithDbAsync(db => db.Effects.Where(e => e.RunId == RunId).Select(e => e.Key).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 9).Select(index => $"batch-{index}").Order(), effects.Order());
    }

    private static async Task<bool> ErrorQueueHoldsAsync(string queue, Guid messageId)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.Messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            // Unacknowledged reads go back to the queue when the channel closes. MassTransit's envelope names the message id.
            for (var read = 0; read < 100; read++)
            {
                if (await channel.BasicGetAsync(queue, autoAck: false) is not { } result)
                {
                    return false;
                }

                if (System.Text.Encoding.UTF8.GetString(result.Body.Span).Contains(messageId.ToString(), StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }

    }
}
