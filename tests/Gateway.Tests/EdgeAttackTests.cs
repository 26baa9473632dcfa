using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Gateway.Tests;

/// <summary>Limits nobody can dodge: not by naming another address, not by sending tokens that fail.</summary>
public sealed class EdgeAttackTests
{
    private const string Verify = "/api/verify/0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task OutsideDevelopment_AClientOnTheHost_CannotChooseItsAddressWithXForwardedFor()
    {
        await using var gateway = Gateway("Production", from: "127.0.0.1", ("Gateway:RateLimits:verify:PermitLimit", "3"));
        var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Verify);
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task BehindATrustedProxyRange_EachForwardedAddressHasItsOwnBudget()
    {
        await using var gateway = Gateway("Production", from: "10.1.2.3",
            ("Gateway:RateLimits:verify:PermitLimit", "3"), ("Gateway:TrustedProxies:0", "10.0.0.0/8"));
        var client = gateway.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await VerifyFromAsync(client, "198.51.100.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await VerifyFromAsync(client, "198.51.100.7"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await VerifyFromAsync(client, "198.51.100.8"));
    }

    [Fact]
    public async Task CallsWithABadToken_CountAgainstTheAddress_AndAre429PastTheLimit()
    {
        await using var gateway = Gateway("Development", from: "203.0.113.9", ("Gateway:RateLimits:api:PermitLimit", "3"));
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/api/listings");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public void ATrustedProxyThatIsNeitherAnAddressNorARange_StopsTheGatewayFromStarting()
    {
        using var gateway = Gateway("Production", from: "10.1.2.3", ("Gateway:TrustedProxies:0", "the-load-balancer"));

        var failure = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Gateway:TrustedProxies", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> VerifyFromAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Verify);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The gateway as a client at <paramref name="from"/> reaches it (the test server has no address of its own).</summary>
    private static WebApplicationFactory<Program> Gateway(string environment, string from, params (string Key, string Value)[] settings) =>
        new GatewayFactory { Environment = environment }.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse(from))));
        });

    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
