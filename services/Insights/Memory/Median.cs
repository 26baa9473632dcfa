namespace MicroInternships.Insights.Memory;

/// <summary>
/// The median as PostgreSQL's <c>percentile_cont(0.5)</c> has it: between the two middle values when there is an even
/// number of them. Found by selection, not by sorting: a long history's tens of thousands of values cost a pass or two.
/// </summary>
internal static class Median
{
    public static decimal? Of(Span<double> span)
    {
        if (span.IsEmpty)
        {
            return null;
        }

        var upper = Select(span, span.Length / 2);
        var lower = span.Length % 2 == 1 ? upper : Max(span[..(span.Length / 2)]);
        var median = lower + ((upper - lower) * 0.5);
        return Rounded(median);
    }

    /// <summary>A figure's decimals: two.</summary>
    public static decimal Rounded(double value) => Math.Round((decimal)value, 2);

    public static decimal? Average(decimal sum, long count) => count == 0 ? null : Math.Round(sum / count, 2);

    /// <summary>The k-th smallest value (from zero), leaving every smaller one before it and every larger one after it.</summary>
    private static double Select(Span<double> values, int k)
    {
        var (left, right) = (0, values.Length - 1);
        while (left < right)
        {
            var pivot = MedianOfThree(values[left], values[left + ((right - left) / 2)], values[right]);
            var (i, j) = (left, right);
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    private static double Max(Span<double> values)
    {
        var max = double.MinValue;
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }
}
