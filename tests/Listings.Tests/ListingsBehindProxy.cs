using MicroInternships.Hosting;
using MicroInternships.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace MicroInternships.Listings.Tests;

/// <summary>The Listings service reaching PostgreSQL through a <see cref="TcpProxy"/> on <paramref name="proxyPort"/>, so a test can cut the database away.</summary>
internal sealed class ListingsBehindProxy(int proxyPort) : ServiceFactory<Program>(ResourceNames.ListingsDb)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var proxied = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = proxyPort, Timeout = 3 };
        builder.UseSetting($"ConnectionStrings:{ResourceNames.ListingsDb}", proxied.ConnectionString);

        // The health metric follows within a second, not the production period, so the test need not wait long.
        builder.ConfigureServices(services => services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.Zero;
            options.Period = TimeSpan.FromSeconds(1);
        }));
    }
}
