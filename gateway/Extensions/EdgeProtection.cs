using MicroInternships.ServiceDefaults.Edge;
using Scalar.AspNetCore;

namespace MicroInternships.Gateway.Extensions;

/// <summary>What the front door does before a request reaches a service.</summary>
internal static class EdgeProtection
{
    public const string CorsPolicy = "web-clients";

    public static IServiceCollection AddEdgeProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var edge = configuration.GetSection(EdgeOptions.SectionName).Get<EdgeOptions>() ?? new EdgeOptions();
        services.Configure<EdgeOptions>(configuration.GetSection(EdgeOptions.SectionName));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = edge.MaxRequestBodyBytes;

            // Kestrel refuses a long request line with a bare 414 before any middleware runs; with room to spare here,
            // RefuseOverlongTargetsAsync answers it as problem details instead.
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, edge.MaxRequestTargetLength * 8);
        });
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(edge.CorsOrigins)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "If-Match")
            .WithExposedHeaders("Location", "Retry-After", "Idempotency-Replayed", "ETag")));
        services.TrustForwardedHeadersFrom(edge.TrustedProxies, "Gateway:TrustedProxies");
        return services;
    }

    public static WebApplication UseEdgeProtection(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use(RefuseOverlongTargetsAsync);
        app.Use(RefuseOversizedBodiesAsync);
        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>The interactive reference of all four services' OpenAPI documents, served at <c>/docs</c>.</summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Micro-Internships API");
            foreach (var (name, title) in new[] { ("listings", "Listings"), ("placements", "Placements"), ("payments", "Payments"), ("events", "Events"), ("notifications", "Notifications") })
            {
                options.AddDocument(name, title, $"/openapi/{name}.json", isDefault: name == "listings");
            }
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Measured as it is forwarded, percent-encoded (the decoded path is shorter: 3,000 <c>%20</c> are 3,000 characters
    /// decoded, 9,000 forwarded), so nothing passes here that a service's own request-line limit would refuse with a
    /// bare 414.
    /// </summary>
    private static Task RefuseOverlongTargetsAsync(HttpContext http, Func<Task> next)
    {
        var limit = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<EdgeOptions>>().Value.MaxRequestTargetLength;
        if (http.Request.Path.ToUriComponent().Length + (http.Request.QueryString.Value?.Length ?? 0) > limit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status414UriTooLong,
                detail: $"A request's path and query string are at most {limit} characters.",
                extensions: new Dictionary<string, object?> { ["code"] = "uri_too_long" }).ExecuteAsync(http);
        }

        return next();
    }

    /// <summary>A declared body over the limit is 413 at once, before anything is forwarded (Kestrel stops undeclared ones).</summary>
    private static Task RefuseOversizedBodiesAsync(HttpContext http, Func<Task> next)
    {
        var limit = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<EdgeOptions>>().Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"A request body is at most {limit} bytes.",
                extensions: new Dictionary<string, object?> { ["code"] = "body_too_large" }).ExecuteAsync(http);
        }

        return next();
    }
}
