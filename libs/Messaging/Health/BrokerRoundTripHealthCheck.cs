using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.Messaging.Health;

/// <summary>
/// Healthy only when a message sent to this service's ping queue comes back through RabbitMQ: being connected is not
/// enough if nothing can be published or consumed. A failure degrades the service (events wait in its outbox).
/// </summary>
public sealed class BrokerRoundTripHealthCheck(IRequestClient<BrokerPing> client, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ping = new BrokerPing(NewId.NextGuid(), clock.GetUtcNow());
        try
        {
            var response = await client.GetResponse<BrokerPong>(ping, cancellationToken, RequestTimeout.After(s: 5));
            return response.Message.Id == ping.Id
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "The broker answered another ping.");
        }
        catch (Exception exception) when (exception is RequestTimeoutException or RequestException or MassTransitException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "No round trip through the broker.", exception);
        }
    }
}
