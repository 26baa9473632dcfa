using MicroInternships.Payments.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MicroInternships.Payments.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void OutsideDevelopment_WithoutAWebhookSecret_TheServiceRefusesToStart()
    {
        using var factory = new WebApplicationFactory<PaymentsDbContext>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Identity:Authority", "https://login.example.edu/");
            builder.UseSetting("PaymentPartner:BaseUrl", "https://partner.example.com/");
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("PaymentPartner:WebhookSecret", failure.ToString());
    }
}
