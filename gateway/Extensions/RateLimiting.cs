using System.Globalization;
using System.Threading.RateLimiting;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace MicroInternships.Gateway.Extensions;

/// <summary>The limits of one rate-limited route (<c>Gateway:RateLimits:{policy}</c>): so many requests per window per client.</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Abuse controls at the edge. Every request counts against its caller (the token's <c>sub</c>, or the client address
/// when anonymous) under the <c>api</c> limit; anonymous record verification, credentials with their keys, status
/// lists and portfolios, the public site's reads (<c>/api/public/*</c>), requests to join as a partner, the signed links of emails (unsubscribe, partner-interest confirmation)
/// and the payment partner's webhooks have their own, tighter or separate, limits per address. A refusal is 429 problem details with <c>Retry-After</c>.
/// </summary>
internal static class RateLimiting
{
    public const string ApiPolicy = "api";
    public const string VerifyPolicy = "verify";
    public const string WebhookPolicy = "webhooks";
    public const string SignedLinksPolicy = "signed-links";
    public const string CredentialsPolicy = "credentials";
    public const string PublicPolicy = "public";
    public const string PartnerInterestPolicy = "partner-interest";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var api = Limits(configuration, ApiPolicy, permits: 600);
        var verify = Limits(configuration, VerifyPolicy, permits: 30);
        var webhooks = Limits(configuration, WebhookPolicy, permits: 1200);
        var signedLinks = Limits(configuration, SignedLinksPolicy, permits: 30);
        // A verifier reads the credential, the keys and the status list for each check: more than a code lookup.
        var credentials = Limits(configuration, CredentialsPolicy, permits: 120);
        // The public site's pages read open listings, the Institute and the figures: a visitor browsing, not a scraper.
        var visitors = Limits(configuration, PublicPolicy, permits: 300);
        // Each request to join sends an email: a handful an hour from one address is a person, more is a bot.
        var joinRequests = Limits(configuration, PartnerInterestPolicy, permits: 10, window: TimeSpan.FromHours(1));
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.Request.Path.StartsWithSegments("/api")
                ? FixedWindow(CallerKey(http), api)
                : RateLimitPartition.GetNoLimiter("edge"));
            limiter.AddPolicy(VerifyPolicy, http => FixedWindow(AddressKey(http), verify));
            limiter.AddPolicy(WebhookPolicy, http => FixedWindow(AddressKey(http), webhooks));
            limiter.AddPolicy(SignedLinksPolicy, http => FixedWindow(AddressKey(http), signedLinks));
            limiter.AddPolicy(CredentialsPolicy, http => FixedWindow(AddressKey(http), credentials));
            limiter.AddPolicy(PublicPolicy, http => FixedWindow(AddressKey(http), visitors));
            limiter.AddPolicy(PartnerInterestPolicy, http => FixedWindow(AddressKey(http), joinRequests));
            limiter.OnRejected = RejectAsync;
        });
    }

    private static RateLimitOptions Limits(IConfiguration configuration, string policy, int permits, TimeSpan? window = null) =>
        configuration.GetSection($"Gateway:RateLimits:{policy}").Get<RateLimitOptions>()
            ?? new RateLimitOptions { PermitLimit = permits, Window = window ?? TimeSpan.FromMinutes(1) };

    private static RateLimitPartition<string> FixedWindow(string key, RateLimitOptions limits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 });

    private static string CallerKey(HttpContext http) =>
        http.User.FindFirst(ClaimNames.Subject)?.Value is { } subject ? $"user:{subject}" : AddressKey(http);

    private static string AddressKey(HttpContext http) => $"address:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            detail: "Too many requests; try again later.",
            extensions: new Dictionary<string, object?> { ["code"] = "rate_limited" })
            .ExecuteAsync(context.HttpContext);
    }
}
