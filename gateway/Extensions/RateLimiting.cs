using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MicroInternships.Gateway.Extensions;

/// <summary>The limits of one rate-limited route (<c>Gateway:RateLimits:{policy}</c>): so many requests per window per client address.</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal static class RateLimiting
{
    /// <summary>Anonymous record verification: a code carries 128 random bits, and the limit keeps anyone from even trying to guess.</summary>
    public const string VerifyPolicy = "verify";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var verify = configuration.GetSection($"Gateway:RateLimits:{VerifyPolicy}").Get<RateLimitOptions>() ?? new RateLimitOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(VerifyPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = verify.PermitLimit, Window = verify.Window, QueueLimit = 0 }));
            limiter.OnRejected = RejectAsync;
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            detail: "Too many requests from this address; try again later.",
            extensions: new Dictionary<string, object?> { ["code"] = "rate_limited" })
            .ExecuteAsync(context.HttpContext);
    }
}
