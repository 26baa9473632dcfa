using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Email;

/// <summary>Looks every <see cref="EmailOptions.DigestCheckInterval"/> whether the day's digest is due (<see cref="DailyDigest"/>).</summary>
public sealed class DigestJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EmailOptions> options, ILogger<DigestJob> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.DigestCheckInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DailyDigest>().MakeDueAsync(cancellationToken);
    }
}
