using System.Diagnostics;
using MassTransit;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Tests.Data;
using MicroInternships.Messaging.Tests.Support;
using MicroInternships.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Messaging.Tests;

/// <summary>The outbox against real PostgreSQL and RabbitMQ: what is committed is published, once in effect; nothing else is.</summary>
public sealed class OutboxTests : MessagingTest
{
    [Fact]
    public async Task Commit_PublishesTheEventAndTheConsumerAppliesItOnce()
    {
        await using var host = await StartHostAsync();

        await host.CommitAsync(new WorkRequested(RunId, "committed"));

        await Eventually.HoldsAsync(() => EffectCountAsync(host, "committed", expected: 1), "the consumer applied the event");
        await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "the row is marked sent");
        await Task.Delay(500);
        Assert.Equal(1, await host.WithDbAsync(db => db.Effects.CountAsync(e => e.Key == "committed")));
        Assert.Equal(1, host.Probe.Deliveries.Values.Sum());
    }

    [Fact]
    public async Task Rollback_PublishesNothing()
    {
        await using var host = await StartHostAsync();

        await host.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddIntegrationEvent(new WorkRequested(RunId, "rolled-back"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        }));
        await host.CommitAsync(new WorkRequested(RunId, "after"));

        // The later commit's event arriving shows the relay ran past the rolled-back one.
        await Eventually.HoldsAsync(() => EffectCountAsync(host, "after", expected: 1), "the committed event arrived");
        Assert.Equal(0, await host.WithDbAsync(db => db.Effects.CountAsync(e => e.Key == "rolled-back")));
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task BrokerUnreachable_RowsWaitAndAllDrainOnceItIsBack()
    {
        await using var proxy = new TcpProxy(new Uri(TestInfrastructure.Messaging));
        var throughProxy = new UriBuilder(TestInfrastructure.Messaging) { Port = proxy.Port }.Uri.ToString();
        // Test backoffs are short; with the default limit a long outage would park rows, which is another test's subject.
        await using var host = await StartHostAsync(brokerUri: throughProxy,
            settings: new Dictionary<string, string?> { ["Messaging:MaxAttempts"] = "10000" });

        proxy.Cut();
        for (var index = 0; index < 50; index++)
        {
            await host.CommitAsync(new WorkRequested(RunId, $"outage-{index}"));
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(50, await host.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null && m.ParkedAt == null)));
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<OutboxMessage>().SumAsync(m => m.Attempts)));

        proxy.Restore();
        await Eventually.HoldsAsync(
            async () => await host.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId)) == 50,
            "all 50 events were applied after the broker came back", TimeSpan.FromSeconds(90),
            async () => $"{await host.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt != null))} of 50 rows sent, "
                + $"{await host.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId))} effects applied; "
                + $"unsent rows' attempts and last errors: {await UnsentRowsAsync(host)}; {host.Diagnostics()}");
        await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "every row is marked sent");
        var effects = await host.WithDbAsync(db => db.Effects.Where(e => e.RunId == RunId).Select(e => e.Key).ToListAsync());
        Assert.Equal(50, effects.Distinct().Count());
    }

    [Fact]
    public async Task AnotherConsumerEndpointFaulted_DoesNotHoldTheOutbox()
    {
        // A queue declared with other arguments than MassTransit's: that endpoint can never bind, and the bus stays unhealthy.
        var names = new KebabCaseEndpointNameFormatter(ServiceName, includeNamespace: false);
        await TestQueues.DeclareConflictingAsync(names.Consumer<FlakyWorkConsumer>());
        var work = names.Consumer<WorkConsumer>();
        await using var host = await StartHostAsync(ready: health => health.Endpoints.Any(e => e.Key.EndsWith($"/{work}") && e.Value.Status == BusHealthStatus.Healthy));
        Assert.NotEqual(BusHealthStatus.Healthy, host.Services.GetRequiredService<IBusControl>().CheckHealth().Status);

        await host.CommitAsync(new WorkRequested(RunId, "beside-a-faulted-endpoint"));

        await Eventually.HoldsAsync(() => EffectCountAsync(host, "beside-a-faulted-endpoint", expected: 1), "the event was published and applied",
            state: () => Task.FromResult(host.Diagnostics()));
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<OutboxMessage>().SumAsync(m => m.Attempts)));
    }

    [Fact]
    public async Task RelayCrashedAfterPublishingBeforeMarkingSent_TheConsumerAppliesTheEventOnce()
    {
        await using var host = await StartHostAsync();
        var message = new WorkRequested(RunId, "republished");

        // The state a crash leaves behind: the row is committed and unsent, and its message already went out once.
        var rowId = await host.InTransactionAsync(async db =>
        {
            db.AddIntegrationEvent(message);
            await db.SaveChangesAsync();
            var id = await db.Set<OutboxMessage>().Select(m => m.Id).SingleAsync();
            await host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id);
            return id;
        });

        await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "the relay republished the row");
        await Eventually.HoldsAsync(() => Task.FromResult(host.Probe.Deliveries.GetValueOrDefault(rowId) == 2), "both copies were delivered");

        // Deliveries are counted on arrival; the batch that applies them commits a moment later.
        await Eventually.HoldsAsync(() => EffectCountAsync(host, "republished", expected: 1), "the event was applied");
        await Task.Delay(500);
        Assert.Equal(1, await host.WithDbAsync(db => db.Effects.CountAsync(e => e.Key == "republished")));
    }

    [Fact]
    public async Task TwoRelaysOnOneTable_PublishEveryRowExactlyOnce()
    {
        await using var consumerAndRelay = await StartHostAsync();
        await using var secondRelay = await StartHostAsync(withConsumers: false);

        // Rows no relay had handed over (another process wrote them), so both relays' claiming workers compete for them.
        const int count = 1000;
        for (var batch = 0; batch < 10; batch++)
        {
            await secondRelay.WithDbAsync(db => OutboxRows.InsertAsync(db,
                Enumerable.Range(0, count / 10).Select(index => new WorkRequested(RunId, $"pair-{batch}-{index}"))));
        }

        await Eventually.HoldsAsync(
            async () => await consumerAndRelay.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId)) == count,
            "every event was applied", TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(() => consumerAndRelay.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "every row is marked sent");
        Assert.Equal(count, consumerAndRelay.Probe.Deliveries.Count);
        Assert.All(consumerAndRelay.Probe.Deliveries.Values, deliveries => Assert.Equal(1, deliveries));
    }

    [Fact]
    public async Task PublishFailingEveryTime_IsParkedAfterMaxAttempts_AndReplaysOnceFixed()
    {
        await using var host = await StartHostAsync(
            settings: new Dictionary<string, string?> { ["Messaging:MaxAttempts"] = "3" });

        // A row whose type this process does not know (written by a newer version, say) fails to publish until someone fixes it.
        await host.WithDbAsync(db => OutboxRows.InsertAsync(db, [new WorkRequested(RunId, "parked")], messageType: "Unknown.Type, Unknown"));
        await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.ParkedAt != null)), "the row is parked");
        var parked = await host.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync());
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("Unknown.Type", parked.LastError);

        var knownType = MessageTypeNames.NameOf(typeof(WorkRequested));
        await host.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET message_type = {knownType}"));
        var replayed = await host.WithDbAsync(db => db.ReplayParkedOutboxMessagesAsync());

        Assert.Equal(1, replayed);
        await Eventually.HoldsAsync(() => EffectCountAsync(host, "parked", expected: 1), "the replayed event was applied");
    }

    [Fact]
    public async Task TraceOfEachCausingRequest_ContinuesInTheConsumer_EvenWhenTheyAreAppliedAsOneBatch()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await StartHostAsync();
        using var requestSource = new ActivitySource("MicroInternships.Tests.Requests");

        // Three requests, each its own trace, whose events commit together and so tend to arrive as one batch.
        var requestTraceIds = new Dictionary<string, string>();
        await host.WithDbAsync(async db =>
        {
            foreach (var key in new[] { "traced-1", "traced-2", "traced-3" })
            {
                using var request = requestSource.StartActivity($"POST /api/things/{key}");
                Assert.NotNull(request);
                requestTraceIds[key] = request.TraceId.ToString();
                db.AddIntegrationEvent(new WorkRequested(RunId, key));
            }

            return await db.SaveChangesAsync();
        });

        await Eventually.HoldsAsync(() => Task.FromResult(requestTraceIds.Keys.All(host.Probe.TraceIds.ContainsKey)), "the consumer ran for each");
        Assert.All(requestTraceIds, request => Assert.Equal(request.Value, host.Probe.TraceIds[request.Key]));
    }

    [Fact]
    public async Task SubscribedEvent_PublishedBeforeAnySubscriberIsBound_WaitsInTheOutboxAndArrivesOnceOneIs()
    {
        await using var publisher = await StartHostAsync(withConsumers: false);

        await publisher.CommitAsync(new SubscribedWorkRequested(RunId, "before-the-subscriber"));

        await Eventually.HoldsAsync(
            () => publisher.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null && m.Attempts > 0)),
            "RabbitMQ returned the event and its row waits for another attempt",
            state: () => UnsentRowsAsync(publisher));
        Assert.Contains("no subscriber's queue", await UnsentRowsAsync(publisher));

        await using var subscriber = await StartHostAsync(subscribes: true);
        await Eventually.HoldsAsync(() => EffectCountAsync(subscriber, "before-the-subscriber", expected: 1), "the subscriber applied the event",
            state: () => UnsentRowsAsync(publisher));
        await Eventually.HoldsAsync(() => publisher.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "the row is marked sent");
    }

    [Fact]
    public async Task EventNobodySubscribesTo_IsPublishedOnceAndMarkedSent()
    {
        await using var host = await StartHostAsync(withConsumers: false);

        await host.CommitAsync(new UnsubscribedWorkRequested(RunId, "for-whoever-listens"));

        await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "the row is marked sent");
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<OutboxMessage>().SumAsync(m => m.Attempts)));
    }

    private static async Task<string> UnsentRowsAsync(MessagingHost host)
    {
        var unsent = await host.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.SentAt == null).Select(m => new { m.Attempts, m.LastError }).ToListAsync());
        return string.Join(", ", unsent.GroupBy(row => row).Select(group => $"{group.Count()} x {group.Key.Attempts} ({group.Key.LastError})"));
    }

    private async Task<bool> EffectCountAsync(MessagingHost host, string key, int expected) =>
        await host.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId && e.Key == key)) == expected;

}
