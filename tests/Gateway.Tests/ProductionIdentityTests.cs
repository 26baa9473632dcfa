using System.Net;
using System.Net.Http.Json;
using MicroInternships.Testing;
using Microsoft.AspNetCore.Hosting;

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

    [Fact]
    public void TheSigningKeyCommittedForDevelopment_OutsideDevelopment_StopsTheGatewayFromStarting()
    {
        using var production = new GatewayFactory { Environment = "Production" };
        using var factory = production.WithWebHostBuilder(builder =>
            builder.UseSetting("Identity:DevelopmentSigningKey", "development-only-signing-key-not-for-production-use"));

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("Identity:DevelopmentSigningKey: a secret committed for development", failure);
    }
}
