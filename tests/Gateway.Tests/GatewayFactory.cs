using MicroInternships.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MicroInternships.Gateway.Tests;

/// <summary>The gateway alone, in a chosen environment; nothing behind it answers.</summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private static readonly string[] Clusters = ["listings", "placements", "payments", "events", "notifications", "insights"];

    public string Environment { get; init; } = "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Identity:DevelopmentSigningKey", TestInfrastructure.SigningKey);

        // Nothing behind answers: the proxy's probes of each cluster would only hold up each test's start and stop.
        foreach (var cluster in Clusters)
        {
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:HealthCheck:Active:Enabled", "false");
        }
        if (Environment != "Development")
        {
            builder.UseSetting("Identity:Authority", "https://login.example.edu/");
        }
    }
}
