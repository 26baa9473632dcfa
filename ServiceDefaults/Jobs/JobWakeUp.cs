using System.Threading.Channels;

namespace MicroInternships.ServiceDefaults.Jobs;

/// <summary>
/// Tells a <see cref="PeriodicJob"/> (<typeparamref name="TJob"/>) that work is waiting, so it runs now instead of at
/// its next tick; the tick stays as the safety net. Notifications while one is pending collapse into one.
/// </summary>
public sealed class JobWakeUp<TJob> where TJob : PeriodicJob
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _pending.Writer.TryWrite(true);

    public Task WaitAsync(CancellationToken cancellationToken) => _pending.Reader.ReadAsync(cancellationToken).AsTask();
}
