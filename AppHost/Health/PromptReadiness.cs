using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.AppHost.Health;

/// <summary>
/// Aspire checks a resource that is not healthy yet again after 1, 2, 3 and 4 seconds, then every 5, so a service
/// ready just after a check was noticed seconds later, and so were the resources waiting for it: on the way to a
/// healthy gateway, the database server and the broker, the services, Listings (after Placements) and the gateway
/// each waited 2.5 seconds on average. Every resource's check now watches its start-up closely
/// (<see cref="UntilFirstHealthy"/>) and reports as soon as it is ready.
/// </summary>
internal static class PromptReadiness
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Long enough to cover Aspire's longest pause between checks several times; short enough that a resource that never gets healthy is reported unhealthy soon.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static IDistributedApplicationBuilder NoticeReadinessPromptly(this IDistributedApplicationBuilder builder)
    {
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                var probe = registration.Factory;
                var seen = new HealthSeen();
                registration.Factory = services => new UntilFirstHealthy(probe(services), seen, ProbeInterval, Patience, TimeProvider.System);
            }
        });
        return builder;
    }
}
