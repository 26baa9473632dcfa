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
        return builder;
    }
}
