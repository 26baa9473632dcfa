using MicroInternships.Messaging.Tests.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging.Tests;

/// <summary>Settings that would stall the relay or the inboxes stop the service at start-up, naming the setting.</summary>
public sealed class MessagingOptionsTests
{
    [Theory]
    [InlineData("BatchSize", "0")]
    [InlineData("InboxBatchSize", "0")]
    [InlineData("InboxBatchConcurrency", "-1")]
    public async Task ABatchOfNone_StopsTheStart_NamingTheSetting(string setting, string value)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Nothing listens there: the start must stop before anything connects.
            ["ConnectionStrings:testdb"] = "Host=127.0.0.1;Port=1;Database=options_test;Username=none;Password=none",
            ["ConnectionStrings:messaging"] = "amqp://guest:guest@127.0.0.1:1/",
            [$"Messaging:{setting}"] = value,
        });
        builder.AddServiceDatabase<TestDbContext>("testdb");
        builder.AddMessaging<TestDbContext>("options-test");
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, refused.Message, StringComparison.Ordinal);
    }
}
