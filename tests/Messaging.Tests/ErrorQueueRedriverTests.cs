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
        Assert.Equal(0u, await MessageCountAsync($"{ServiceName}-work_error"));
        await Task.Delay(TimeSpan.FromSeconds(1));
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
        await Eventually.HoldsAsync(async () => await MessageCountAsync($"{queue}_parked") == 1, $"the message is in {queue}_parked", timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(0u, await MessageCountAsync($"{queue}_error"));
        Assert.Equal(1, Sum(parked));
        Assert.All(parked.GetMeasurementSnapshot(), m => Assert.Equal(queue, m.Tags["queue"]));
        // The first delivery and two returns, each with its three in-process retries (a slow confirmation can publish a second copy).
        var deliveries = host.Probe.Deliveries[messageId];
        Assert.True(deliveries >= 12 && deliveries % 12 == 0, $"{deliveries} deliveries");
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
