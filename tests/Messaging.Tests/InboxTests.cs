using MassTransit;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Tests.Support;
using MicroInternships.Testing;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;

namespace MicroInternships.Messaging.Tests;

/// <summary>Consumers under failure: retries never double an effect, and what can never succeed is parked in <c>_error</c>.</summary>
public sealed class InboxTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = PostgresDatabase.Reserve("messaging");
    private readonly string _runId = Guid.NewGuid().ToString("N");
    private string ServiceName => $"msgtest-{_runId[..8]}";

    [Fact]
    public async Task ConsumerFailingTwiceThenSucceeding_AppliesTheEffectOnce()
    {
        await using var host = await MessagingHost.StartAsync(_database, _runId, ServiceName);

        await host.WithDbAsync(async db =>
        {
            db.AddIntegrationEvent(new FlakyWorkRequested(_runId, "flaky", Failures: 2));
            return await db.SaveChangesAsync();
        });

        await Eventually.HoldsAsync(() => Task.FromResult(host.Probe.Deliveries.Values.Sum() == 3), "the third attempt ran");
        await Eventually.HoldsAsync(
            async () => await host.WithDbAsync(db => db.Set<Inbox.InboxMessage>().CountAsync()) == 1, "the inbox recorded the message");
        Assert.Equal(1, await host.WithDbAsync(db => db.Effects.CountAsync(e => e.Key == "flaky")));
    }

    [Fact]
    public async Task PoisonMessage_EndsInTheErrorQueueAfterItsRetries()
    {
        await using var host = await MessagingHost.StartAsync(_database, _runId, ServiceName);

        await host.WithDbAsync(async db =>
        {
            db.AddIntegrationEvent(new PoisonWorkRequested(_runId, "poison"));
            return await db.SaveChangesAsync();
        });
        var messageId = await host.WithDbAsync(db => db.Set<OutboxMessage>().Select(m => m.Id).SingleAsync());

        var errorQueue = $"{ServiceName}-poison-work_error";
        await Eventually.HoldsAsync(async () => await ErrorQueueHoldsAsync(errorQueue, messageId), $"the message is in {errorQueue}");
        Assert.Equal(4, host.Probe.Deliveries[messageId]);
    }

    private static async Task<bool> ErrorQueueHoldsAsync(string queue, Guid messageId)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.Messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var result = await channel.BasicGetAsync(queue, autoAck: false);
            // MassTransit's envelope in the body names the message id.
            return result is not null && System.Text.Encoding.UTF8.GetString(result.Body.Span).Contains(messageId.ToString(), StringComparison.Ordinal);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }

    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
