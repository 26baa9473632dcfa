using System.Net.Security;
using MassTransit;
using RabbitMQ.Client;

namespace MicroInternships.Messaging;

/// <summary>
/// TLS to the broker whenever its URI asks for it (<c>amqps</c>, or the TLS port 5671): the broker's certificate must
/// chain to a trusted root and name the host dialled. MassTransit's own default accepts a certificate nobody trusted,
/// which would let anyone on the network pose as the broker and collect the service's password; so the bus and the
/// reachability probe are both told.
/// </summary>
public static class BrokerTls
{
    public const int Port = 5671;
    private const SslPolicyErrors Refused =
        SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable;

    public static bool IsAskedFor(Uri broker) => broker.Scheme == "amqps" || broker.Port == Port;

    /// <summary>The bus's host: the URI (with its credentials), and verified TLS when the URI asks for TLS.</summary>
    public static void ConfigureBrokerHost(this IRabbitMqBusFactoryConfigurator rabbit, Uri broker) =>
        rabbit.Host(broker, host =>
        {
            if (IsAskedFor(broker))
            {
                host.UseSsl(ssl =>
                {
                    ssl.ServerName = broker.Host;
                    ssl.EnforcePolicyErrors(Refused);
                });
            }
        });

    /// <summary>The same rules for a connection of RabbitMQ's own client.</summary>
    public static ConnectionFactory VerifiedFactory(Uri broker) => new()
    {
        Uri = broker,
        Ssl = new SslOption(broker.Host, enabled: IsAskedFor(broker)) { AcceptablePolicyErrors = SslPolicyErrors.None },
    };
}
