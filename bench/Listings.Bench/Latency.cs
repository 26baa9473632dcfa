using System.Diagnostics;

namespace MicroInternships.Listings.Bench;

internal sealed record LatencyResult(double P50, double P95, double P99);

internal static class Latency
{
    /// <summary>Runs <paramref name="operation"/> one call at a time after a warm-up, and reports its latency percentiles.</summary>
    public static async Task<LatencyResult> MeasureAsync(int count, Func<int, Task> operation)
    {
        for (var i = 0; i < Math.Min(50, count); i++)
        {
            await operation(i);
        }

        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(i);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        return new LatencyResult(Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
