using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace MicroInternships.Messaging.Health;

internal static class BrokerProbeRegistration
{
    public const string HealthCheckName = "broker-round-trip";

    public static void AddBrokerRoundTripProbe(this IBusRegistrationConfigurator bus, IEndpointNameFormatter endpointNames)
    {
        bus.AddConsumer<BrokerPingConsumer>();
        var queue = endpointNames.Consumer<BrokerPingConsumer>();
        bus.AddRequestClient<BrokerPing>(new Uri($"queue:{queue}"));
        bus.AddHealthChecks().AddCheck<BrokerRoundTripHealthCheck>(HealthCheckName, HealthStatus.Degraded, [ServiceDefaultsExtensions.DegradesTag]);

        // MassTransit's own check of the bus, likewise: while the broker is away the API still serves and writes.
        bus.ConfigureHealthCheckOptions(options =>
        {
            options.MinimalFailureStatus = HealthStatus.Degraded;
            options.Tags.Clear();
            options.Tags.Add(ServiceDefaultsExtensions.DegradesTag);
        });
    }
}
