using System.Diagnostics.Metrics;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Tests.Support;
using MicroInternships.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RabbitMQ.Client;

namespace MicroInternships.Messaging.Tests;

/// <summary>
/// After an outage longer than the in-process retries, messages parked in <c>_error</c> go back to their queue by
/// themselves and are applied once; a message that never succeeds ends in <c>_parked</c> and is counted for the alert.
/// </summary>
public sealed class ErrorQueueRedriverTests : MessagingTest
{
    private static Dictionary<string, string?> FastRedrive(int limit) => new()
    {
        ["Messaging:ErrorRedriveInterval"] = "00:00:00.200",
        ["Messaging:ErrorRedriveFirstDelay"] = "00:00:00.300",
        ["Messaging:ErrorRedriveMaxDelay"] = "00:00:01",
        ["Messaging:ErrorRedriveLimit"] = $"{limit}",
    };

    [Fact]
    public async Task AMessageThatFailedThroughAnOutage_GoesBackFromErrorByItself_AndIsAppliedOnceTheDependencyIsBack()
    {
        await using var host = await StartHostAsync(settings: FastRedrive(limit: 100));
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var errorArrivals = new MetricCollector<long>(meters, MessagingMetrics.MeterName, "consumer.error_queue.arrivals");
        using var redriven = new MetricCollector<long>(meters, MessagingMetrics.MeterName, "consumer.error_queue.redriven");
        host.Probe.DependencyDown = true;

        await host.CommitAsync(new WorkRequested(RunId, "outage-1"));
        await Eventually.HoldsAsync(() => Task.FromResult(Sum(redriven) >= 2), "the message went back from _error and failed again, twice");
        host.Probe.DependencyDown = false;

        await Eventually.HoldsAsync(async () => await EffectsAsync(host) == 1, "the message was applied once the dependency was back");
        Assert.True(Sum(errorArrivals) >= 2, $"{Sum(errorArrivals)} arrivals in _error");
        // A second copy the relay may have published goes round too, and is skipped by the inbox once back.
        await Eventually.HoldsAsync(async () => await MessageCountAsync($"{ServiceName}-work_error") == 0, "nothing is left in _error");
        Assert.Equal(1, await EffectsAsync(host));
    }

    [Fact]
    public async Task APoisonMessage_IsReturnedAsOftenAsAllowed_ThenParkedForAPerson_AndCounted()
    {
        await using var host = await StartHostAsync(settings: FastRedrive(limit: 2));
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var parked = new MetricCollector<long>(meters, MessagingMetrics.MeterName, "consumer.parked");

        await host.CommitAsync(new PoisonWorkRequested(RunId, "poison"));
        var messageId = await host.WithDbAsync(db => db.Set<OutboxMessage>().Select(m => m.Id).SingleAsync());
        var queue = $"{ServiceName}-poison-work";
        // Each copy the relay published (a slow confirmation can make it two) is delivered once and returned twice, each
        // time with its three in-process retries: twelve deliveries per copy, and every copy parked.
        await Eventually.HoldsAsync(
            async () => host.Probe.Deliveries.GetValueOrDefault(messageId) is var deliveries and >= 12 && deliveries % 12 == 0
                && await MessageCountAsync($"{queue}_parked") == deliveries / 12 && await MessageCountAsync($"{queue}_error") == 0,
            $"every copy of the message is in {queue}_parked", timeout: TimeSpan.FromSeconds(30),
            state: async () => $"{host.Probe.Deliveries.GetValueOrDefault(messageId)} deliveries, {await MessageCountAsync($"{queue}_parked")} parked");

        Assert.Equal((long)await MessageCountAsync($"{queue}_parked"), Sum(parked));
        Assert.All(parked.GetMeasurementSnapshot(), m => Assert.Equal(queue, m.Tags["queue"]));
    }

    private async Task<int> EffectsAsync(MessagingHost host) => await host.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId));

    private static long Sum(MetricCollector<long> counter) => counter.GetMeasurementSnapshot().Sum(m => m.Value);

    private static async Task<uint> MessageCountAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.Messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }
}
