using MicroInternships.Insights.Memory;

namespace MicroInternships.Insights.Tests;

/// <summary>The median found by selection is the one a sort finds, as PostgreSQL's <c>percentile_cont(0.5)</c> has it.</summary>
public sealed class MedianTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(101)]
    [InlineData(1_000)]
    public void TheMedian_IsTheSortedMiddle_OrHalfwayBetweenTheTwoMiddles(int count)
    {
        var random = new Random(count);
        for (var round = 0; round < 50; round++)
        {
            var values = Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 40, round % 2 == 0 ? 0 : 3)).ToList();
            var sorted = values.Order().ToList();
            var (lower, upper) = (sorted[(count - 1) / 2], sorted[count / 2]);

            Assert.Equal(Median.Rounded(lower + ((upper - lower) * 0.5)), Median.Of(values.ToArray()));
        }
    }

    [Fact]
    public void NoValues_HaveNoMedian() => Assert.Null(Median.Of(Span<double>.Empty));
}
