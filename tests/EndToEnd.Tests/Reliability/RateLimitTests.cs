using System.Net;
using System.Net.Http.Headers;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// The gateway's per-caller API limit, in the running system: past it, 429 with Retry-After; others carry on.
/// Counters live in each gateway process (docs/deployment.md), and a load balancer in front of several gateways
/// spreads connections, not requests; so the greedy caller keeps to one connection, which one gateway serves,
/// and the test holds with any number of gateway replicas.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RateLimitTests(SystemFixture system)
{
    private const int PermitsPerMinute = 600;

    // A path no route serves: the gateway answers it itself, yet it counts against the caller's limit like any call under
    // /api. Proxied calls on a busy machine can take longer than the 100 ms a call that 600 a minute allows, so the limit
    // was never reached; these are spent in seconds.
    private const string Unrouted = "/api/rate-limit-probe";

    [Fact]
    public async Task PastItsLimit_ACallerGets429WithRetryAfter_WhileAnotherIsServed()
    {
        var calls = new GatewayCalls(system);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var greedy = OneConnectionClient(await calls.TokenAsync(new { sub = $"s-greedy-{suffix}", role = "student", name = "Greedy" }));
        using var patient = await calls.ClientAsync(new { sub = $"s-patient-{suffix}", role = "student", name = "Patient" });

        var served = 0;
        HttpResponseMessage? limited = null;
        while (limited is null && served <= PermitsPerMinute * 2)
        {
            var response = await greedy.GetAsync(Unrouted);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
                continue;
            }

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            response.Dispose();
            served++;
        }

        Assert.NotNull(limited);
        TimeSpan retryAfter;
        using (limited)
        {
            // A fixed window may have turned over while the caller was being served: then it had up to two windows' worth.
            Assert.InRange(served, PermitsPerMinute, PermitsPerMinute * 2);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
            retryAfter = limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
            Assert.True(retryAfter > TimeSpan.Zero, "No Retry-After.");
        }

        using var others = await patient.GetAsync("/api/events?limit=1");
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        using var stillLimited = await greedy.GetAsync("/api/events?limit=1");
        if (retryAfter >= TimeSpan.FromSeconds(3))
        {
            // Seconds are rounded up, so the window has at least two left: this request, to a service, falls in it for sure.
            Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);
        }
    }

    private HttpClient OneConnectionClient(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = system.Gateway.BaseAddress,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
