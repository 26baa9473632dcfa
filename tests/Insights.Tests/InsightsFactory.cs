using MassTransit;
using MicroInternships.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Insights.Tests;

/// <summary>One Insights host for the test assembly, fed by events published as the other services would.</summary>
public sealed class InsightsFactory() : ServiceFactory<Program>(ResourceNames.InsightsDb)
{
    /// <summary>Publishes every event, in the order given, and waits until each has been applied.</summary>
    public async Task PublishAllAsync(params object[] events)
    {
        var ids = new List<Guid>();
        foreach (var message in events)
        {
            var id = NewId.NextGuid();
            ids.Add(id);
            await PublishAsync(message, id);
        }

        await WaitAppliedAsync(ids);
    }

    /// <summary>Publishes as its own type, as its publisher would.</summary>
    private async Task PublishAsync(object message, Guid id)
    {
        var bus = Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await bus.Publish(message, message.GetType(), context => context.MessageId = id);
    }

    /// <summary>Publishes one event under the same message id twice, as a broker redelivering it would.</summary>
    public async Task PublishTwiceAsync(object message)
    {
        var id = NewId.NextGuid();
        await PublishAsync(message, id);
        await PublishAsync(message, id);
        await WaitAppliedAsync([id]);
    }

    private async Task WaitAppliedAsync(IReadOnlyList<Guid> ids)
    {
        var list = string.Join(",", ids.Select(id => $"'{id}'"));
        await Eventually.HoldsAsync(
            async () => await Database.ScalarAsync<long>($"SELECT count(DISTINCT message_id) FROM inbox_messages WHERE message_id IN ({list})") == ids.Count,
            $"all {ids.Count} events were applied",
            TimeSpan.FromSeconds(60));
    }
}

[CollectionDefinition(Name)]
public sealed class InsightsCollection : ICollectionFixture<InsightsFactory>
{
    public const string Name = "Insights service";
}

[Collection(InsightsCollection.Name)]
public sealed class InsightsFoundationTests(InsightsFactory factory) : ServiceFoundationTests<Program>(factory);
