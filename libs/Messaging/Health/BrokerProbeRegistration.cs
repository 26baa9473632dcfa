using MassTransit;
using Microsoft.Extensions.DependencyInjection;
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
        bus.AddHealthChecks().AddCheck<BrokerRoundTripHealthCheck>(HealthCheckName, tags: [ServiceDefaultsExtensions.ReadyTag]);
    }
}
