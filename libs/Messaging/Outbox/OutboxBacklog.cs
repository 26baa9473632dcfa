using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Outbox;

/// <summary>
/// What waits in a service's outbox: rows not yet published, how long the oldest has waited, and rows parked for ops.
/// A replay's rows are left out of the waiting ones: a long replay is work in progress, not a relay falling behind.
/// </summary>
public sealed record OutboxBacklog(long Unsent, TimeSpan OldestAge, long Parked)
{
    public static readonly OutboxBacklog Empty = new(0, TimeSpan.Zero, 0);

    /// <summary>
    /// Two aggregate queries, each answered from a partial index, so it stays cheap beside millions of sent rows.
    /// Column names are snake case: every service's context maps with that convention.
    /// </summary>
    public static async Task<OutboxBacklog> ReadAsync(DbContext db, CancellationToken cancellationToken)
    {
        var unsent = await db.Database
            .SqlQuery<UnsentRows>($"""
                SELECT count(*) AS count, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS oldest_age_seconds
                FROM outbox_messages WHERE sent_at IS NULL AND parked_at IS NULL AND replay_to IS NULL
                """)
            .SingleAsync(cancellationToken);
        var parked = await db.Database
            .SqlQuery<long>($"""SELECT count(*) AS "Value" FROM outbox_messages WHERE parked_at IS NOT NULL""")
            .SingleAsync(cancellationToken);
        return new OutboxBacklog(unsent.Count, TimeSpan.FromSeconds(Math.Max(0, unsent.OldestAgeSeconds ?? 0)), parked);
    }

    private sealed class UnsentRows
    {
        public long Count { get; init; }

        public double? OldestAgeSeconds { get; init; }
    }
}
