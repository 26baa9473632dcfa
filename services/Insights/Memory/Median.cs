namespace MicroInternships.Insights.Memory;

/// <summary>The median as PostgreSQL's <c>percentile_cont(0.5)</c> has it: between the two middle values when there is an even number of them.</summary>
internal static class Median
{
    public static decimal? Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = (values.Count - 1) / 2.0;
        var (below, above) = (values[(int)Math.Floor(middle)], values[(int)Math.Ceiling(middle)]);
        return Rounded(below + ((above - below) * (middle - Math.Floor(middle))));
    }

    /// <summary>A figure's decimals: two.</summary>
    public static decimal Rounded(double value) => Math.Round((decimal)value, 2);

    public static decimal? Average(decimal sum, long count) => count == 0 ? null : Math.Round(sum / count, 2);
}
