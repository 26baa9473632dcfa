using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Outbox;

/// <summary>
/// Outbox rows this process committed, passed straight to its relay in memory so that publishing them needs no
/// claim query. While a relay holds it open, a save reserves its new rows for a lease (their <c>available_at</c>
/// lies that far ahead, so no poll, here or in another replica, claims them meanwhile) and offers them once they
/// are committed. A row the relay could not publish is made due at once; a row lost with the process (a crash, a
/// full stop) waits out its lease and is then claimed by a poll like any other. While more than
/// <see cref="MaxWaiting"/> rows wait in memory (a broker that confirms slowly), new rows go straight to the
/// claiming workers instead, which keeps memory bounded and the queue well within a lease.
/// </summary>
public sealed class OutboxHandOff<TContext> where TContext : DbContext
{
    internal const int MaxWaiting = 10_000;

    private readonly Channel<OutboxMessage> _committed = Channel.CreateUnbounded<OutboxMessage>(new UnboundedChannelOptions
    {
        SingleReader = false,
        SingleWriter = false,
    });

    private long _leaseTicks;

    /// <summary>How long a row reserved now stays with this process, or <c>null</c> while it takes no hand-offs.</summary>
    internal TimeSpan? Lease => Interlocked.Read(ref _leaseTicks) is > 0 and var ticks && _committed.Reader.Count < MaxWaiting
        ? TimeSpan.FromTicks(ticks)
        : null;

    internal ChannelReader<OutboxMessage> Committed => _committed.Reader;

    internal void Open(TimeSpan lease) => Interlocked.Exchange(ref _leaseTicks, lease.Ticks);

    internal void Close() => Interlocked.Exchange(ref _leaseTicks, 0);

    internal void Offer(IEnumerable<OutboxMessage> rows)
    {
        foreach (var row in rows)
        {
            _committed.Writer.TryWrite(row);
        }
    }
}
