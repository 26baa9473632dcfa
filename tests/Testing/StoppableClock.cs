namespace MicroInternships.Testing;

/// <summary>
/// The system clock, except that "now" can be pinned to an instant; timers stay real, so the host's background
/// work (health probes, the outbox relay) runs as usual.
/// </summary>
public sealed class StoppableClock : TimeProvider
{
    private DateTimeOffset? _pinned;

    public void PinAt(DateTimeOffset instant) => _pinned = instant;

    public void Release() => _pinned = null;

    public override DateTimeOffset GetUtcNow() => _pinned ?? base.GetUtcNow();
}
