using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void OutsideDevelopment_WithEmailOnButNoMailServer_TheServiceRefusesToStart_NamingWhatIsMissing()
    {
        using var factory = Production(("Smtp:Host", ""), ("Email:FromAddress", "program@example.edu"));

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("Smtp:Host, Email:WebsiteUrl, Email:ApiUrl, Email:UnsubscribeSigningKey are missing or invalid", failure);
        Assert.Contains("Email:Enabled=false", failure);
    }

    [Fact]
    public void OutsideDevelopment_WithTheUnsubscribeKeyCommittedForDevelopment_TheServiceRefusesToStart()
    {
        using var factory = Production(
            ("Smtp:Host", "smtp.example.edu"), ("Email:FromAddress", "program@example.edu"),
            ("Email:WebsiteUrl", "https://program.example.edu"), ("Email:ApiUrl", "https://api.program.example.edu"),
            ("Email:UnsubscribeSigningKey", "development-only-unsubscribe-signing-key-0123456789"));

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("Email:UnsubscribeSigningKey: a secret committed for development", failure);
    }

    [Fact]
    public void ASenderWithADisplayName_OrALeaseShorterThanOneSlowSend_IsRefusedAtStart_NotAtTheFirstEmail()
    {
        using var factory = Production(
            ("Smtp:Host", "smtp.example.edu"), ("Email:FromAddress", "Program <program@example.edu>"),
            ("Email:WebsiteUrl", "https://program.example.edu"), ("Email:ApiUrl", "https://api.program.example.edu"),
            ("Email:UnsubscribeSigningKey", new string('k', 40)), ("Email:SendLease", "00:01:00"));

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("Email:FromAddress, Email:SendLease are missing or invalid", failure);
    }

    [Fact]
    public void WithoutASigningKey_NoUnsubscribeLinkIsAccepted_EvenOneSignedWithTheEmptyKey()
    {
        var links = new UnsubscribeLinks(Options.Create(new EmailOptions { UnsubscribeSigningKey = "" }), TimeProvider.System);

        Assert.IsType<UnsubscribeToken.Invalid>(links.Read(links.TokenFor("s-anyone", "offer_received")));
    }

    private static WebApplicationFactory<NotificationsDbContext> Production(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<NotificationsDbContext>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Identity:Authority", "https://login.example.edu/");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
}
