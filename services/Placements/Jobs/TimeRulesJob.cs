using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Jobs;

/// <summary>Runs <see cref="TimeRulesSweeper"/> at start-up and then every <see cref="ClockOptions.SweepInterval"/>.</summary>
public sealed partial class TimeRulesJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ClockOptions> options, ILogger<TimeRulesJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TimeRulesSweeper>().SweepAsync(cancellationToken);
        if (result.Any)
        {
            LogSwept(result.OffersExpired, result.PendingExpired, result.AutoApproved, result.SettlementsEscalated, result.SettlementsFinal, result.FeedbackRevealed);
        }
    }

    [LoggerMessage(LogLevel.Information,
        "Time rules: {Offers} offers expired, {Pending} pending applications expired, {Approved} placements approved automatically, {Escalated} settlements escalated, {Final} settlements final, {Revealed} feedback revealed")]
    private partial void LogSwept(int offers, int pending, int approved, int escalated, int final, int revealed);
}
