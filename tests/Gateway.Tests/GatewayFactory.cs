using MicroInternships.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MicroInternships.Gateway.Tests;

/// <summary>The gateway alone, in a chosen environment; nothing behind it answers.</summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public string Environment { get; init; } = "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Identity:DevelopmentSigningKey", TestInfrastructure.SigningKey);
        if (Environment != "Development")
        {
            builder.UseSetting("Identity:Authority", "https://login.example.edu/");
        }
    }
}
