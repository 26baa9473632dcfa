using System.Buffers;

namespace MicroInternships.Insights.Memory;

/// <summary>Values gathered for a <see cref="Median"/>, in a pooled array sized for the most a table can give.</summary>
internal sealed class MedianValues(int most) : IDisposable
{
    private readonly double[] _values = ArrayPool<double>.Shared.Rent(Math.Max(most, 1));
    private int _count;

    public void Add(double value) => _values[_count++] = value;

    public decimal? Median() => Memory.Median.Of(_values.AsSpan(0, _count));

    public void Dispose() => ArrayPool<double>.Shared.Return(_values);
}
