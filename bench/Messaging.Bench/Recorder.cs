using System.Diagnostics;

namespace MicroInternships.Messaging.Bench;

/// <summary>Counts consumed messages and keeps their latencies; one per scenario.</summary>
public sealed class Recorder
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencies = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected = int.MaxValue;
    private int _count;

    public void Expect(int count)
    {
        lock (_gate)
        {
            _expected = count;
        }
    }

    /// <summary>A message consumed now that was sent at the <see cref="Stopwatch"/> timestamp <paramref name="sentAt"/>.</summary>
    public void Consumed(long sentAt) => Consumed(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);

    public void Consumed(double? latencyMilliseconds)
    {
        lock (_gate)
        {
            if (latencyMilliseconds is { } latency)
            {
                _latencies.Add(latency);
            }

            if (++_count == _expected)
            {
                _done.TrySetResult();
            }
        }
    }

    public void AddLatencies(IEnumerable<double> latencies)
    {
        lock (_gate)
        {
            _latencies.AddRange(latencies);
        }
    }

    public Task WhenAllConsumedAsync(TimeSpan timeout) => _done.Task.WaitAsync(timeout);

    public double Percentile(double p)
    {
        lock (_gate)
        {
            var sorted = _latencies.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
        }
    }
}
