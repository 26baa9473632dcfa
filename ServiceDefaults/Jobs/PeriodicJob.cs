using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroInternships.ServiceDefaults.Jobs;

/// <summary>
/// A background job that runs at start-up and then every <see cref="Interval"/> (on <see cref="TimeProvider"/>'s
/// clock), and at once when woken (<see cref="JobWakeUp{TJob}"/>). A failed run is logged and the next one comes at
/// the next tick, so one bad moment never stops the job.
/// </summary>
public abstract partial class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Now, on the job's clock.</summary>
    protected DateTimeOffset Now => clock.GetUtcNow();

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>What wakes the job before its next tick, when something it works on was just committed.</summary>
    protected virtual Func<CancellationToken, Task>? WaitForWakeUp => null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        Task<bool>? tick = null;
        Task? wakeUp = null;
        while (true)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, GetType().Name, exception);
            }

            // Both waits are kept until they complete: a second pending read would swallow a later wake-up unseen.
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            wakeUp ??= WaitForWakeUp?.Invoke(stoppingToken) ?? Task.Delay(Timeout.Infinite, stoppingToken);
            if (await Task.WhenAny(tick, wakeUp) == tick)
            {
                if (!await tick)
                {
                    return;
                }

                tick = null;
            }
            else
            {
                await wakeUp;
                wakeUp = null;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Job} failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
