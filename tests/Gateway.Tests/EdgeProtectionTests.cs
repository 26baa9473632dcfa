using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using MicroInternships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MicroInternships.Gateway.Tests;

public sealed class EdgeProtectionTests
{
    [Fact]
    public async Task ABodyOverTheLimit_Is413_BeforeAnythingIsForwarded()
    {
        await using var factory = new GatewayFactory().WithWebHostBuilder(builder => builder.UseSetting("Gateway:MaxRequestBodyBytes", "1024"));
        using var content = new ByteArrayContent(new byte[2048]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await factory.CreateClient().PostAsync("/webhooks/payment-partner", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("body_too_large", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnOverlongQueryString_Is414ProblemDetails_BeforeAnythingIsForwarded()
    {
        await using var factory = new GatewayFactory();

        using var response = await factory.CreateClient().GetAsync($"/webhooks/payment-partner?q={new string('q', 9_000)}");

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("uri_too_long", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Short decoded, long as forwarded: a service's Kestrel would answer a bare 414 with no problem body.</summary>
    [Fact]
    public async Task AnOverlongEncodedPath_Is414ProblemDetails_ThoughItIsShortDecoded()
    {
        await using var factory = new GatewayFactory();

        using var response = await factory.CreateClient().GetAsync($"/api/listings/{string.Concat(Enumerable.Repeat("%20", 3_000))}");

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Contains("uri_too_long", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EachCaller_HasItsOwnApiLimit_AndIsToldWhenToComeBack()
    {
        await using var factory = new GatewayFactory().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Gateway:RateLimits:api:PermitLimit", "2");
            builder.UseSetting("Gateway:RateLimits:api:Window", "00:10:00");
        });
        var ana = Authorized(factory, "s-ana");
        var ben = Authorized(factory, "s-ben");

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await ana.GetAsync("/api/listings");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var limited = await ana.GetAsync("/api/listings");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);
        using var someoneElse = await ben.GetAsync("/api/listings");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, someoneElse.StatusCode);
    }

    [Fact]
    public async Task BrowsersFromConfiguredOrigins_MayCallTheApi_OthersAreNotGrantedCors()
    {
        await using var factory = new GatewayFactory().WithWebHostBuilder(builder => builder.UseSetting("Gateway:CorsOrigins:0", "https://app.example.edu"));
        var client = factory.CreateClient();

        using var allowed = await client.SendAsync(Preflight("https://app.example.edu"));
        Assert.Equal("https://app.example.edu", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var refused = await client.SendAsync(Preflight("https://evil.example.com"));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    /// <summary>An edit that sends back the version it read (<c>If-Match</c>, from the <c>ETag</c>) works from a browser too.</summary>
    [Fact]
    public async Task BrowsersFromConfiguredOrigins_MaySendIfMatch_AndReadTheETag()
    {
        await using var factory = new GatewayFactory().WithWebHostBuilder(builder => builder.UseSetting("Gateway:CorsOrigins:0", "https://app.example.edu"));
        var client = factory.CreateClient();

        using var edit = await client.SendAsync(Preflight("https://app.example.edu", "PUT", "authorization,content-type,if-match"));
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/listings");
        read.Headers.Add("Origin", "https://app.example.edu");
        using var answer = await client.SendAsync(read);

        Assert.Contains("if-match", edit.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ETag", answer.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    [Fact]
    public async Task TheApiReference_IsServedAtDocs_WithoutAToken()
    {
        await using var factory = new GatewayFactory();

        using var response = await factory.CreateClient().GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        foreach (var service in new[] { "listings", "placements", "payments", "events", "notifications" })
        {
            Assert.Contains($"openapi/{service}.json", page);
        }
    }

    private static HttpRequestMessage Preflight(string origin, string method = "POST", string headers = "authorization,content-type")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/listings");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static HttpClient Authorized(WebApplicationFactory<Program> factory, string subject)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(subject, "student"));
        return client;
    }
}
