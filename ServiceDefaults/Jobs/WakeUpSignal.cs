using System.Threading.Channels;

namespace MicroInternships.ServiceDefaults.Jobs;

/// <summary>
/// Tells a waiting worker that work is there, so it runs now instead of at its next tick (which stays as the safety
/// net). Notifications while one is pending collapse into one: a channel that holds one and drops the rest.
/// </summary>
public class WakeUpSignal
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _pending.Writer.TryWrite(true);

    public Task WaitAsync(CancellationToken cancellationToken) => _pending.Reader.ReadAsync(cancellationToken).AsTask();

    /// <summary>Waits for a notification or until <paramref name="timeout"/> passes, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_pending.Reader.TryRead(out _))
        {
            return;
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _pending.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
