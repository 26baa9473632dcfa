using System.Globalization;

namespace MicroInternships.Journeys.Bench;

/// <summary>How the benchmarks report repeated runs: the median, with the lowest and highest as the spread.</summary>
internal static class RunSpread
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>"median M (min-max, N runs)" over the runs that have the figure (NaN where a run has none).</summary>
    public static string Of<T>(IReadOnlyList<T> runs, Func<T, double> figure, string format)
    {
        var values = runs.Select(figure).Where(value => !double.IsNaN(value)).ToList();
        return values.Count == 0 ? "none"
            : string.Create(CultureInfo.InvariantCulture, $"median {Median(values).ToString(format, CultureInfo.InvariantCulture)} ({values.Min().ToString(format, CultureInfo.InvariantCulture)}-{values.Max().ToString(format, CultureInfo.InvariantCulture)}, {values.Count} runs)");
    }
}
