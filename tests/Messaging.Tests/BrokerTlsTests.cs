using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MassTransit;
using MicroInternships.Messaging.Recovery;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Messaging.Tests;

/// <summary>
/// A listener on the broker's address presenting a certificate no trusted authority signed, as an impostor on the network
/// would: the bus and the reachability probe end the handshake before anything of theirs (the password) is sent.
/// MassTransit's default would have gone on, which the first case shows, so the test can tell the two apart.
/// </summary>
public sealed class BrokerTlsTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task TheBus_CompletesTlsWithAnUntrustedBroker_OnlyWithMassTransitsDefault(bool verified, bool handshakeCompletes)
    {
        using var impostor = new ImpostorBroker();
        var services = new ServiceCollection();
        services.AddMassTransit(bus => bus.UsingRabbitMq((_, rabbit) =>
        {
            if (verified)
            {
                rabbit.ConfigureBrokerHost(impostor.Uri);
            }
            else
            {
                // What MassTransit does by itself on the TLS port, 5671: TLS with its default policy.
                rabbit.Host(impostor.Uri, host => host.UseSsl(ssl => ssl.ServerName = impostor.Uri.Host));
            }
        }));
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        using var giveUp = new CancellationTokenSource(_patience);
        _ = bus.StartAsync(giveUp.Token);

        try
        {
            Assert.Equal(handshakeCompletes, await impostor.HandshakeCompletesAsync(giveUp.Token));
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task TheReachabilityProbe_RefusesAnUntrustedBroker()
    {
        using var impostor = new ImpostorBroker();
        var probe = new BrokerReachability(impostor.Uri.ToString(), "tls-test", TimeProvider.System);
        using var giveUp = new CancellationTokenSource(_patience);

        var reachable = probe.IsReachableAsync(giveUp.Token);

        Assert.False(await impostor.HandshakeCompletesAsync(giveUp.Token));
        Assert.False(await reachable);
    }

    private sealed class ImpostorBroker : IDisposable
    {
        private const byte TlsHandshakeRecord = 0x16;
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly X509Certificate2 _certificate = SelfSignedFor("localhost");

        public ImpostorBroker()
        {
            _listener.Start();
            Uri = new Uri($"amqps://tls-test:the-services-password@localhost:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        }

        public Uri Uri { get; }

        /// <summary>Whether the first client to connect, speaking TLS, accepts the certificate and finishes the handshake.</summary>
        public async Task<bool> HandshakeCompletesAsync(CancellationToken cancellationToken)
        {
            using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            var first = new byte[1];
            await client.Client.ReceiveAsync(first, SocketFlags.Peek, cancellationToken);
            Assert.True(first[0] == TlsHandshakeRecord, "The client spoke plain AMQP to a broker it was told to reach over TLS.");
            await using var tls = new SslStream(client.GetStream());
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, cancellationToken);
                await tls.ReadExactlyAsync(new byte[4], cancellationToken);
                return true;
            }
            catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _certificate.Dispose();
        }

        private static X509Certificate2 SelfSignedFor(string host)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(host);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        }
    }
}
