using MicroInternships.Gateway.DevelopmentTokens;
using MicroInternships.Gateway.Health;

namespace MicroInternships.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    public static TBuilder AddGatewayServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.Services.AddEdgeProtection(builder.Configuration);
        builder.Services.AddEdgeCompression();
        builder.Services.AddGatewayRateLimits(builder.Configuration);
        builder.Services.AddDownstreamHealthChecks(builder.Configuration);
        if (builder.Environment.IsDevelopment())
        {
            builder.AddDevelopmentMemberships();
        }

        return builder;
    }

    /// <summary>Listings at the address the proxy sends it traffic to; one quick try, not the default client's retries.</summary>
    private static void AddDevelopmentMemberships(this IHostApplicationBuilder builder)
    {
        var listings = builder.Configuration["ReverseProxy:Clusters:listings:Destinations:listings-api:Address"] ?? "http://listings-api";
#pragma warning disable EXTEXP0001 // the only way to opt one client out of ConfigureHttpClientDefaults' resilience
        builder.Services.AddHttpClient<DevelopmentMemberships>(DevelopmentMemberships.HttpClientName, http =>
            {
                http.BaseAddress = new Uri(listings);
                http.Timeout = DevelopmentMemberships.Patience;
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}
