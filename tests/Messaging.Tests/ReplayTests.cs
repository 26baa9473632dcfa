using MicroInternships.Contracts.Replay;
using MicroInternships.Messaging.EventLog;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Replay;
using MicroInternships.Messaging.Tests.Data;
using MicroInternships.Messaging.Tests.Support;
using MicroInternships.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MicroInternships.Messaging.Tests;

/// <summary>
/// A consumer that starts after the events were published learns them by replay from the publisher's event log, and
/// ends with the state of one that saw them live: with live events flowing during the replay, and replayed twice.
/// </summary>
public sealed class ReplayTests : MessagingTest
{
    private const int History = 1_000;
    private const int LiveDuringReplay = 50;

    [Fact]
    public async Task ALateConsumer_LearnsTheWholeHistoryByReplay_OnceEach_WhileLiveEventsFlow_AndAgain()
    {
        await using var publisher = await PublisherWithHistoryAsync();
        await using var lateDatabase = PostgresDatabase.Reserve("messaging");
        var lateService = $"{ServiceName}-late";
        await using var late = await MessagingHost.StartAsync(lateDatabase, RunId, lateService, learnsHistory: true);

        var replay = ReplayAsync(publisher, lateService);
        for (var n = 0; n < LiveDuringReplay; n++)
        {
            await publisher.CommitAsync(new HistoryRecorded(RunId, $"live{n}"));
        }

        await replay;
        await Eventually.HoldsAsync(async () => await KeysAsync(late) is { Count: History + LiveDuringReplay }, "the late consumer learned every event",
            timeout: TimeSpan.FromSeconds(60));
        await ReplayAsync(publisher, lateService);
        await Eventually.HoldsAsync(
            async () => await publisher.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.ReplayTo != null && m.SentAt == null)) == 0,
            "the second replay was sent");

        var seenLive = await KeysAsync(publisher);
        var learned = await KeysAsync(late);
        Assert.Equal(seenLive.Order(), learned.Order());
        Assert.Equal(History + LiveDuringReplay, await late.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId)));
    }

    [Fact]
    public async Task AConsumerWithAnEmptyDatabase_AsksForTheHistoryOnItsFirstStart_AndNotOnTheNext()
    {
        await using var publisher = await PublisherWithHistoryAsync();
        await using var lateDatabase = PostgresDatabase.Reserve("messaging");
        var lateService = $"{ServiceName}-asks";
        var late = await MessagingHost.StartAsync(lateDatabase, RunId, lateService, learnsHistory: true);
        try
        {
            await Eventually.HoldsAsync(async () => await KeysAsync(late) is { Count: History }, "the new consumer learned the history", timeout: TimeSpan.FromSeconds(60));
            var request = await late.WithDbAsync(db => db.Set<HistoryRequest>().SingleAsync());
            Assert.Equal(MessageTypeNames.NameOf(typeof(HistoryRecorded)), request.EventType);
            await Eventually.HoldsAsync(
                async () => await publisher.WithDbAsync(db => db.Set<ReplayJob>().AnyAsync(j => j.RequestId == request.RequestId && j.DoneAt != null)),
                "the publisher finished the replay");
            Assert.Equal((await KeysAsync(publisher)).Order(), (await KeysAsync(late)).Order());
        }
        finally
        {
            await late.DisposeAsync();
        }

        await using var restarted = await MessagingHost.StartAsync(lateDatabase, RunId, lateService, learnsHistory: true);
        await restarted.Services.GetServices<IHostedService>().OfType<HistoryBootstrap<TestDbContext>>().Single().ExecuteTask!;
        var requestType = MessageTypeNames.NameOf(typeof(ReplayRequested));
        Assert.Equal(1, await restarted.WithDbAsync(db => db.Set<LoggedEvent>().CountAsync(e => e.MessageType == requestType)));
        Assert.Equal(1, await publisher.WithDbAsync(db => db.Set<ReplayJob>().CountAsync(j => j.Consumer == lateService)));
    }

    [Fact]
    public async Task AConsumerThatTakesPages_LearnsTheWholeHistory_AMessagePerPage()
    {
        await using var publisher = await PublisherWithHistoryAsync();
        await using var lateDatabase = PostgresDatabase.Reserve("messaging");
        var lateService = $"{ServiceName}-pages";
        await using var late = await MessagingHost.StartAsync(lateDatabase, RunId, lateService, learnsHistory: true, learnsHistoryInPages: true);

        await Eventually.HoldsAsync(async () => await KeysAsync(late) is { Count: History }, "the consumer learned the history from pages", timeout: TimeSpan.FromSeconds(60));
        Assert.Equal((await KeysAsync(publisher)).Order(), (await KeysAsync(late)).Order());
        var exchange = ReplayExchange.For(lateService);
        var replayed = await publisher.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.ReplayTo == exchange).Select(m => m.MessageType).ToListAsync());
        Assert.Equal(Enumerable.Repeat(MessageTypeNames.NameOf(typeof(ReplayedPage)), History / ReplayRunner<TestDbContext>.BatchSize), replayed);
        Assert.True(await publisher.WithDbAsync(db => db.Set<ReplayJob>().AnyAsync(j => j.Consumer == lateService && j.Paged)));
    }

    /// <summary>A host that has published (and logged) <see cref="History"/> events, 100 a transaction, before any late consumer starts.</summary>
    private async Task<MessagingHost> PublisherWithHistoryAsync()
    {
        var publisher = await StartHostAsync();
        for (var batch = 0; batch < History / 100; batch++)
        {
            await publisher.CommitAsync([.. Enumerable.Range(batch * 100, 100).Select(n => new HistoryRecorded(RunId, $"h{n}"))]);
        }

        return publisher;
    }

    /// <summary>Queues the publisher's whole history of <see cref="HistoryRecorded"/> for <paramref name="consumer"/>, 200 events a transaction.</summary>
    private static async Task ReplayAsync(MessagingHost publisher, string consumer)
    {
        string[] types = [MessageTypeNames.NameOf(typeof(HistoryRecorded))];
        var after = 0L;
        while (true)
        {
            var last = await publisher.InTransactionAsync(db => EventReplays.QueueBatchAsync(db, consumer, types, since: null, after, limit: 200, CancellationToken.None));
            if (last == after)
            {
                return;
            }

            after = last;
        }
    }

    private async Task<List<string>> KeysAsync(MessagingHost host) =>
        await host.WithDbAsync(db => db.Effects.Where(e => e.RunId == RunId).Select(e => e.Key).ToListAsync());
}
