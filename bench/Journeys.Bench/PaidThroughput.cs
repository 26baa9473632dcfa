using System.Collections.Concurrent;
using System.Diagnostics;

namespace MicroInternships.Journeys.Bench;

internal sealed record ThroughputResult(int Approved, int PaidInWindow, int PaidInTheEnd, double Seconds)
{
    public double ApprovedPerSecond => Approved / Seconds;

    public double PaidPerSecond => PaidInWindow / Seconds;
}

/// <summary>
/// Workers (each a partner of their own, so no one partner meets the gateway's per-user rate limit) take placements
/// through the whole journey for a fixed time; every approval is then followed until it is paid, so what was
/// approved and never paid shows as lost.
/// </summary>
internal static class PaidThroughput
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<ThroughputResult> MeasureAsync(RunningSystem system, int workers, TimeSpan window)
    {
        var partners = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Journey.PartnerAsync(system, $"p-throughput-{worker}")));
        var clock = Stopwatch.StartNew();
        var paidAt = new ConcurrentBag<TimeSpan>();
        var watchers = new ConcurrentBag<Task<bool>>();
        var approved = 0;

        async Task WorkAsync(int worker)
        {
            var journey = partners[worker];
            for (var round = 0; clock.Elapsed < window; round++)
            {
                var placement = await journey.SubmittedAsync($"s-throughput-{worker}-{round}");
                if (clock.Elapsed >= window)
                {
                    return;
                }

                await journey.ApproveAsync(placement);
                Interlocked.Increment(ref approved);
                watchers.Add(WatchAsync(placement));
            }
        }

        async Task<bool> WatchAsync(SubmittedPlacement placement)
        {
            try
            {
                await Journey.WaitUntilPaidAsync(placement, _pollInterval);
                paidAt.Add(clock.Elapsed);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(WorkAsync));
        var outcomes = await Task.WhenAll(watchers);
        return new ThroughputResult(approved, paidAt.Count(at => at <= window), outcomes.Count(paid => paid), window.TotalSeconds);
    }
}
