using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace MicroInternships.Listings.Jobs;

/// <summary>Runs <see cref="PartnerInterestEraser"/> at start-up and then every <see cref="PartnerInterestOptions.SweepInterval"/>.</summary>
public sealed partial class PartnerInterestErasureJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<PartnerInterestOptions> options, ILogger<PartnerInterestErasureJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var erased = await scope.ServiceProvider.GetRequiredService<PartnerInterestEraser>().EraseDueAsync(cancellationToken);
        if (erased > 0)
        {
            LogErased(erased);
        }
    }

    [LoggerMessage(LogLevel.Information, "Erased the personal data of {Count} partner-interest requests no longer needed")]
    private partial void LogErased(int count);
}
