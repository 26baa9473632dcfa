using System.Net;
using MicroInternships.Gateway.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace MicroInternships.Gateway.Tests;

/// <summary>The gateway's /health/detail asking the services, which costs each of them a database query and a message.</summary>
public sealed class DownstreamReadinessTests
{
    private static readonly Uri Listings = new("http://listings");

    private readonly FakeTimeProvider _time = new();
    private readonly CountingService _service = new();

    [Fact]
    public async Task A_healthy_answer_serves_every_probe_for_two_seconds_then_the_service_is_asked_again()
    {
        var readiness = new DownstreamReadiness(_service, _time);

        Assert.Equal(HealthStatus.Healthy, (await readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None)).Status);
        _time.Advance(TimeSpan.FromSeconds(1.9));
        await readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None);
        Assert.Equal(1, _service.Asked);

        _time.Advance(TimeSpan.FromSeconds(0.2));
        await readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None);
        Assert.Equal(2, _service.Asked);
    }

    [Fact]
    public async Task A_degraded_service_is_ready_for_its_routes_and_its_answer_is_never_reused_so_a_recovery_shows_at_the_next_probe()
    {
        var readiness = new DownstreamReadiness(_service, _time);
        _service.Status = "Degraded";

        var degraded = await readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, degraded.Status);
        Assert.Equal("Degraded", degraded.Data[DownstreamReadiness.ReportedKey]);
        _service.Status = "Healthy";

        var healthy = await readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None);
        Assert.Equal("Healthy", healthy.Data[DownstreamReadiness.ReportedKey]);
        Assert.Equal(2, _service.Asked);
    }

    [Fact]
    public async Task A_service_that_is_not_ready_or_not_answering_degrades_the_gateway_and_says_which()
    {
        var readiness = new DownstreamReadiness(_service, _time);
        _service.Answer = HttpStatusCode.ServiceUnavailable;
        _service.Status = "Unhealthy";

        var unready = await readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None);
        Assert.Equal(HealthStatus.Degraded, unready.Status);
        Assert.Equal("Unhealthy", unready.Data[DownstreamReadiness.ReportedKey]);

        _service.Throw = new HttpRequestException("Connection refused");
        var gone = await readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None);
        Assert.Equal(HealthStatus.Degraded, gone.Status);
        Assert.Equal(DownstreamReadiness.Unreachable, gone.Data[DownstreamReadiness.ReportedKey]);
    }

    [Fact]
    public async Task Probes_at_the_same_moment_share_one_question()
    {
        var readiness = new DownstreamReadiness(_service, _time);
        _service.Hold = new TaskCompletionSource();

        var probes = Enumerable.Range(0, 50).Select(_ => readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None)).ToList();
        _service.Hold.SetResult();

        Assert.All(await Task.WhenAll(probes), result => Assert.Equal(HealthStatus.Healthy, result.Status));
        Assert.Equal(1, _service.Asked);
    }

    /// <summary>A probe that failed outright (not an answer, an exception) is asked again, never kept.</summary>
    [Fact]
    public async Task A_probe_that_threw_is_not_kept()
    {
        var readiness = new DownstreamReadiness(_service, _time);
        _service.Throw = new InvalidOperationException("no handler for this address");

        await Assert.ThrowsAsync<InvalidOperationException>(() => readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None));
        _service.Throw = null;

        Assert.Equal(HealthStatus.Healthy, (await readiness.CheckAsync(Listings, HealthStatus.Degraded, CancellationToken.None)).Status);
        Assert.Equal(2, _service.Asked);
    }

    /// <summary>A service's /health/detail that counts how often it is asked.</summary>
    private sealed class CountingService : HttpMessageHandler, IHttpClientFactory
    {
        private int _asked;

        public int Asked => _asked;

        public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

        public TaskCompletionSource? Hold { get; set; }

        public string Status { get; set; } = "Healthy";

        public Exception? Throw { get; set; }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            if (Throw is { } exception)
            {
                throw exception;
            }

            if (Hold is { } hold)
            {
                await hold.Task;
            }

            return new HttpResponseMessage(Answer) { Content = new StringContent($"{{\"status\":\"{Status}\",\"checks\":{{}}}}") };
        }
    }
}
