using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.Gateway.Tests;

/// <summary>The gateway is ready when it can route; the services behind it only degrade it, and say so on /health/detail.</summary>
public sealed class HealthTests
{
    private static readonly string[] _services = ["listings-api", "placements-api", "payments-api", "events-api", "notifications-api", "insights-api"];

    [Fact]
    public async Task With_no_service_answering_the_gateway_is_ready_and_its_detail_names_each_service_unreachable()
    {
        await using var factory = new GatewayFactory();
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readiness = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", readiness.GetProperty("checks").GetProperty("routing").GetString());
        Assert.All(_services, service => Assert.False(readiness.GetProperty("checks").TryGetProperty(service, out _), $"{service} is not part of readiness"));

        using var detail = await client.GetAsync("/health/detail");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var body = await detail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        foreach (var service in _services)
        {
            var check = body.GetProperty("checks").GetProperty(service);
            Assert.Equal("Degraded", check.GetProperty("status").GetString());
            Assert.Equal("Unreachable", check.GetProperty("data").GetProperty("reported").GetString());
        }

        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("routing").GetProperty("status").GetString());
    }
}
