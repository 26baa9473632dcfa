using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MicroInternships.AppHost.Infrastructure;

/// <summary>Healthy once an AMQP connection opens with the configured credentials.</summary>
internal sealed class RabbitMqHealthCheck(ReferenceExpression connectionString) : IHealthCheck
{
    /// <summary>
    /// The node is local, so it answers within milliseconds once it runs. Before that, DCP's proxy in front of it
    /// accepts the connection anyway, and the client would wait for the handshake for its default of 10 seconds.
    /// </summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var value = await connectionString.GetValueAsync(cancellationToken);
            var factory = new ConnectionFactory
            {
                Uri = new Uri(value!),
                RequestedConnectionTimeout = ProbeTimeout,
                HandshakeContinuationTimeout = ProbeTimeout,
            };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ does not accept connections yet.", exception);
        }
    }
}
