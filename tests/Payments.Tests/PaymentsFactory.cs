using MicroInternships.Hosting;
using MicroInternships.Payments.Data;
using MicroInternships.Payments.Partner;
using MicroInternships.PaymentPartnerSimulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Payments.Tests;

/// <summary>
/// One Payments host for the test assembly (its consumers own the service's queues on the test broker), talking to
/// the real payment-partner simulator in memory: payouts go to the simulator, its signed webhooks come back.
/// </summary>
public sealed class PaymentsFactory : ServiceFactory<PaymentsDbContext>
{
    public PaymentsFactory()
        : base(ResourceNames.PaymentsDb)
    {
        Simulator = new SimulatorFactory(() => Server.CreateHandler());

        // Started now: WebApplicationFactory builds its server lazily and not thread-safely, and the payout job's first
        // submission racing a test's first admin call would otherwise start two simulators, each seeing half the traffic.
        _ = Simulator.Server;
    }

    public SimulatorFactory Simulator { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PaymentPartner:BaseUrl", "http://payment-partner/");
        builder.UseSetting("PaymentPartner:SubmitPollInterval", "00:00:00.100");
        builder.UseSetting("PaymentPartner:FirstRetryDelay", "00:00:00.200");
        builder.ConfigureTestServices(services => services.AddHttpClient<PaymentPartnerClient>()
            .ConfigurePrimaryHttpMessageHandler(() => Simulator.Server.CreateHandler()));
    }

    public override async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>The simulator, delivering its webhooks straight to the Payments host under test.</summary>
public sealed class SimulatorFactory(Func<HttpMessageHandler> payments) : WebApplicationFactory<SimulatorState>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Simulator:WebhookUrl", "http://payments-api/webhooks/payment-partner");
        builder.UseSetting("Simulator:DeliveryDelay", "00:00:00.100");
        builder.UseSetting("Simulator:FirstRedeliveryDelay", "00:00:00.200");
        builder.ConfigureTestServices(services => services.AddHttpClient(nameof(WebhookDelivery)).ConfigurePrimaryHttpMessageHandler(payments));
    }
}

[CollectionDefinition(Name)]
public sealed class PaymentsCollection : ICollectionFixture<PaymentsFactory>
{
    public const string Name = "Payments service";
}
