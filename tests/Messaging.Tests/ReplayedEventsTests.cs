using MassTransit;
using MicroInternships.Messaging.Replay;
using MicroInternships.Messaging.Tests.Support;
using MicroInternships.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Messaging.Tests;

/// <summary>Replayed events build state only: a consumer that acts on events leaves them alone, and their live delivery still acts.</summary>
public sealed class ReplayedEventsTests : MessagingTest
{
    [Fact]
    public async Task AReplayedEvent_BuildsStateWhereReplaysApply_AndNeverActsInAConsumerThatActs()
    {
        await using var host = await StartHostAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var acted = NewId.NextGuid();

        await bus.Publish(new WorkRequested(RunId, "replayed"), context =>
        {
            context.MessageId = acted;
            Replayed.Mark(context);
        });
        await bus.Publish(new HistoryRecorded(RunId, "history"), context => Replayed.Mark(context));
        await Eventually.HoldsAsync(() => Task.FromResult(host.Probe.Deliveries.ContainsKey(acted)), "the acting consumer received the replayed event");
        await Eventually.HoldsAsync(() => EffectCountAsync(host, "history", expected: 1), "the state-building consumer applied its replayed event");
        await host.CommitAsync(new WorkRequested(RunId, "live marker"));
        await Eventually.HoldsAsync(() => EffectCountAsync(host, "live marker", expected: 1), "a later live event was applied");

        Assert.Equal(0, await host.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId && e.Key == "replayed")));
        Assert.Equal(0, await host.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE message_id = {acted}").SingleAsync()));

        await bus.Publish(new WorkRequested(RunId, "replayed"), context => context.MessageId = acted);
        await Eventually.HoldsAsync(() => EffectCountAsync(host, "replayed", expected: 1), "the same event, delivered live, acted");
    }

    private async Task<bool> EffectCountAsync(MessagingHost host, string key, int expected) =>
        await host.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId && e.Key == key)) == expected;
}
