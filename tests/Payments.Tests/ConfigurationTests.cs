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

    [Fact]
    public void OutsideDevelopment_WithTheWebhookSecretCommittedForDevelopment_TheServiceRefusesToStart()
    {
        using var factory = new WebApplicationFactory<PaymentsDbContext>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Identity:Authority", "https://login.example.edu/");
            builder.UseSetting("PaymentPartner:BaseUrl", "https://partner.example.com/");
            builder.UseSetting("PaymentPartner:WebhookSecret", "whsec_ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLXNlY3JldCE=");
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("PaymentPartner:WebhookSecret: a secret committed for development", failure);
        Assert.DoesNotContain("whsec_", failure);
    }
}
