using MassTransit;
using MicroInternships.Messaging.Health;
using MicroInternships.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MicroInternships.Messaging.Tests.Support;

/// <summary>
/// Every test host binds the same message types, so a host's durable queues would collect every later test's
/// messages once it is gone. Durable is what the tests must exercise (a broker outage keeps them); so delete
/// them when the host is done instead.
/// </summary>
internal static class TestQueues
{
    /// <summary>Declares <paramref name="queue"/> transient, which MassTransit's durable declaration then fails on.</summary>
    public static async Task DeclareConflictingAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.Messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
    }

    public static async Task DeleteAsync(string serviceName)
    {
        var names = new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false);
        string[] endpoints =
        [
            names.Consumer<WorkConsumer>(), names.Consumer<FlakyWorkConsumer>(), names.Consumer<SubscribedWorkConsumer>(),
            names.Consumer<PoisonWorkConsumer>(), names.Consumer<BrokerPingConsumer>(),
        ];

        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.Messaging) };
        await using var connection = await factory.CreateConnectionAsync();
        foreach (var queue in endpoints.SelectMany(endpoint => new[] { endpoint, $"{endpoint}_error", $"{endpoint}_skipped", $"{endpoint}_parked" }))
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.QueueDeleteAsync(queue);
            }
            catch (OperationInterruptedException)
            {
                // Never declared by this host.
            }
        }
    }
}
