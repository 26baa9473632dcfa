using System.Net;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>The gateway's per-caller API limit, in the running system: past it, 429 with Retry-After; others carry on.</summary>
[Collection(SystemCollection.Name)]
public sealed class RateLimitTests(SystemFixture system)
{
    private const int PermitsPerMinute = 600;

    [Fact]
    public async Task PastItsLimit_ACallerGets429WithRetryAfter_WhileAnotherIsServed()
    {
        var calls = new GatewayCalls(system);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var greedy = await calls.ClientAsync(new { sub = $"s-greedy-{suffix}", role = "student", name = "Greedy" });
        var patient = await calls.ClientAsync(new { sub = $"s-patient-{suffix}", role = "student", name = "Patient" });

        var answers = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        while (limited is null && answers.Count < PermitsPerMinute * 2)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => greedy.GetAsync("/api/events?limit=1")));
            answers.AddRange(batch.Select(r => r.StatusCode));
            limited = batch.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
            foreach (var response in batch.Where(r => r != limited))
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.True(answers.Count(s => s == HttpStatusCode.OK) >= PermitsPerMinute, $"Limited after {answers.Count(s => s == HttpStatusCode.OK)} requests.");
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
            Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "No Retry-After.");
        }

        using var others = await patient.GetAsync("/api/events?limit=1");
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        using var stillLimited = await greedy.GetAsync("/api/events?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);
    }
}
