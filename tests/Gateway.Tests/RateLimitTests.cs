using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MicroInternships.Gateway.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Verify_PastTheLimitPerAddress_Is429_WithRetryAfter_WhileOtherRoutesAreNotLimited()
    {
        await using var factory = new GatewayFactory().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Gateway:RateLimits:verify:PermitLimit", "3");
            builder.UseSetting("Gateway:RateLimits:verify:Window", "00:10:00");
        });
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/verify/0123456789abcdef0123456789abcdef");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var limited = await client.GetAsync("/api/verify/0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rate_limited", await limited.Content.ReadAsStringAsync());
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);

        using var health = await client.GetAsync("/health");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, health.StatusCode);
    }

    [Theory]
    [InlineData("/api/unsubscribe?token=abc.def")]
    [InlineData("/api/v1/unsubscribe?token=abc.def")]
    public async Task Unsubscribe_IsAnonymous_AndPastTheSignedLinksLimitPerAddress_Is429(string path)
    {
        await AssertAnonymousAndLimitedToTwoAsync("signed-links", client => client.PostAsync(path, null));
    }

    [Theory]
    [InlineData("/api/public/listings?q=survey")]
    [InlineData("/api/public/listings/0193b6a0-0000-7000-8000-000000000001")]
    [InlineData("/api/public/events")]
    [InlineData("/api/public/figures")]
    [InlineData("/api/v1/public/listings")]
    [InlineData("/api/v1/public/events/0193b6a0-0000-7000-8000-000000000001")]
    [InlineData("/api/v1/public/figures")]
    public async Task PublicSiteReads_AreAnonymous_AndPastThePublicLimitPerAddress_Are429(string path)
    {
        await AssertAnonymousAndLimitedToTwoAsync("public", client => client.GetAsync(path));
    }

    [Theory]
    [InlineData("/api/partner-interest", "partner-interest")]
    [InlineData("/api/v1/partner-interest", "partner-interest")]
    [InlineData("/api/partner-interest/confirm", "signed-links")]
    [InlineData("/api/v1/partner-interest/confirm", "signed-links")]
    public async Task RequestsToJoinAndTheirConfirmations_AreAnonymous_AndPastTheirLimitPerAddress_Are429(string path, string policy)
    {
        await AssertAnonymousAndLimitedToTwoAsync(policy, client => client.PostAsync(path, null));
    }

    [Theory]
    [InlineData("GET", "/api/partner-interest")]
    [InlineData("GET", "/api/v1/partner-interest/0193b6a0-0000-7000-8000-000000000001")]
    [InlineData("POST", "/api/partner-interest/0193b6a0-0000-7000-8000-000000000001/approve")]
    public async Task ReviewingRequestsToJoin_NeedsAToken(string method, string path)
    {
        await using var factory = new GatewayFactory();
        using var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>With <paramref name="policy"/> at two a window, two calls pass without a token and the third is 429.</summary>
    private static async Task AssertAnonymousAndLimitedToTwoAsync(string policy, Func<HttpClient, Task<HttpResponseMessage>> call)
    {
        await using var factory = new GatewayFactory().WithWebHostBuilder(builder =>
        {
            builder.UseSetting($"Gateway:RateLimits:{policy}:PermitLimit", "2");
            builder.UseSetting($"Gateway:RateLimits:{policy}:Window", "00:10:00");
        });
        var client = factory.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await call(client);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var limited = await call(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("rate_limited", await limited.Content.ReadAsStringAsync());
    }
}
