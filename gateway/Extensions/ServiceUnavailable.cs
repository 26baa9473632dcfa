using System.Globalization;
using Yarp.ReverseProxy.Forwarder;

namespace MicroInternships.Gateway.Extensions;

/// <summary>
/// A route whose service cannot be reached answers 503 <c>service_unavailable</c> with <c>Retry-After</c>, instead of the
/// proxy's bare 502; every other route goes on working. Unreachable: the connection refused (its processes down or
/// restarting), or every destination of its cluster failing the proxy's active probe of <c>/health</c> (not ready, or
/// hanging: appsettings.json, <c>HealthCheck</c> of each cluster), which answers at once instead of after a timeout.
/// </summary>
public static class ServiceUnavailable
{
    public const string Code = "service_unavailable";

    /// <summary>About how long an orchestrator takes to restart a process or move its traffic to another.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>First in the proxy's pipeline, so it sees how the forwarding ended.</summary>
    public static IReverseProxyApplicationBuilder UseServiceUnavailableProblems(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            if (context.GetForwarderErrorFeature()?.Error is ForwarderError.Request or ForwarderError.NoAvailableDestinations
                && !context.Response.HasStarted
                && !context.RequestAborted.IsCancellationRequested)
            {
                context.Response.Clear();
                context.Response.Headers.RetryAfter = RetryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    detail: "The service behind this route is not answering; try again shortly, with the same Idempotency-Key.",
                    extensions: new Dictionary<string, object?> { ["code"] = Code })
                    .ExecuteAsync(context);
            }
        });
        return proxy;
    }
}
