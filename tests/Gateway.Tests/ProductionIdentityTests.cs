using System.Net;
using System.Net.Http.Json;
using MicroInternships.Testing;

namespace MicroInternships.Gateway.Tests;

public sealed class ProductionIdentityTests
{
    [Fact]
    public async Task DevelopmentTokenEndpoint_OutsideDevelopment_DoesNotExist()
    {
        await using var factory = new GatewayFactory { Environment = "Production" };

        using var response = await factory.CreateClient().PostAsJsonAsync("/dev/token", new { sub = "s-1", role = "student" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DevelopmentSignedToken_OutsideDevelopment_IsRejected()
    {
        await using var factory = new GatewayFactory { Environment = "Production" };
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("s-1", "student"));

        using var response = await client.GetAsync("/api/listings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
