using System.Diagnostics;

namespace MicroInternships.Journeys.Bench;

/// <summary>Partner approval to payout <c>paid</c> visible in Placements, one journey at a time, read every few milliseconds.</summary>
internal static class JourneyLatency
{
    private const int WarmUp = 10;
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(5);

    /// <param name="students">The students' id prefix: each journey needs students who have not applied to its listing yet.</param>
    public static async Task<(double P50, double P99, int Journeys)> MeasureAsync(Journey journey, int count, string students = "s-latency")
    {
        var samples = new List<double>(count);
        for (var i = 0; i < WarmUp + count; i++)
        {
            var placement = await journey.SubmittedAsync($"{students}-{i}");
            var started = Stopwatch.GetTimestamp();
            await journey.ApproveAsync(placement);
            await Journey.WaitUntilPaidAsync(placement, _pollInterval);
            if (i >= WarmUp)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return (Percentiles.Of(samples, 0.50), Percentiles.Of(samples, 0.99), WarmUp + count);
    }
}
