using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Health;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using MicroInternships.ServiceDefaults.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every process of the system shares: telemetry, health, discovery, resilience, identity, errors.</summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";

    /// <summary>
    /// A check whose failure degrades the process without stopping it serving its API (the broker: writes wait in the
    /// outbox; a service behind the gateway: its routes answer 503). It fails as <c>Degraded</c>, shows on
    /// <c>/health/detail</c> and in <c>health.check.healthy</c>, and is left out of readiness, so one outage never
    /// takes every process out of its load balancer.
    /// </summary>
    public const string DegradesTag = "degrades";

    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        BuildTimeDocument.WriteWithoutDependencies(builder);
        builder.AddProcessDefaults();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Complete);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddExceptionHandler<BadHttpRequestExceptionHandler>();
        builder.AddJwtAuthentication();
        return builder;
    }

    /// <summary>
    /// What the APIs and the web front end alike need: no development secret outside Development, telemetry, health,
    /// service discovery, resilient HTTP, the clock.
    /// </summary>
    public static TBuilder AddProcessDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        DevelopmentSecrets.RefuseOutsideDevelopment(builder);
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddHealthCheckMetrics();

        // A dependency that is down must fail its check quickly, not after the database client's retries run out:
        // probes that hang pile up and say nothing.
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(registration => registration.Timeout == Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = HealthCheckTimeout;
            }
        });
        return builder;
    }

    /// <summary>
    /// <c>/alive</c> answers while the process runs; <c>/health</c> (readiness) once it can serve its API, every check but
    /// those that only degrade it; <c>/health/detail</c> runs every check, for dashboards and people: 200 while ready
    /// (<c>Healthy</c> or <c>Degraded</c>), else 503. None shows exception details.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(DegradesTag),
            ResponseWriter = HealthResponseWriter.WriteStatuses,
        })
            .AllowAnonymous()
            .DisableHttpMetrics();
        app.MapHealthChecks("/health/detail", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteDetail })
            .AllowAnonymous()
            .DisableHttpMetrics();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponseWriter.WriteStatuses,
        })
            .AllowAnonymous()
            .DisableHttpMetrics();
        return app;
    }
}
