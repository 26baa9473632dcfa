using MicroInternships.Contracts.Replay;
using MicroInternships.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Replay;

/// <summary>
/// Re-sends a service's history to one consumer: logged events (<see cref="EventLog.LoggedEvent"/>) are copied into the
/// outbox a batch at a time, addressed to the consumer's replay exchange (<see cref="ReplayExchange"/>) and keeping
/// their own message ids, and the relay sends them flagged as replayed, in the log's order. Each batch is one
/// statement in the caller's transaction, so the API never waits on a replay, and a replay interrupted between
/// batches resumes from the sequence the last one returned.
/// </summary>
public static class EventReplays
{
    private static readonly DateTimeOffset _beginning = DateTimeOffset.UnixEpoch;

    /// <param name="messageTypes">The events' stored type names (<see cref="Outbox.MessageTypeNames.NameOf"/>).</param>
    /// <param name="upTo">The last sequence the replay covers; later events reach the consumer live.</param>
    /// <returns>The sequence of the last event queued, or <paramref name="after"/> when none was left.</returns>
    public static async Task<long> QueueBatchAsync(
        DbContext db, string consumer, IReadOnlyCollection<string> messageTypes, DateTimeOffset? since, long after, int limit,
        CancellationToken cancellationToken, long upTo = long.MaxValue)
    {
        var (exchange, types, from) = (ReplayExchange.For(consumer), messageTypes.ToArray(), since ?? _beginning);

        // available_at a microsecond apart keeps the relay's claims in the log's order.
        // Read whole (ToListAsync): any composition would wrap the data-modifying WITH in a subquery, which PostgreSQL refuses.
        var last = await db.Database.SqlQuery<long?>($"""
            WITH batch AS (
                SELECT seq, message_id, message_type, payload FROM event_log
                WHERE seq > {after} AND seq <= {upTo} AND message_type = ANY({types}) AND created_at >= {from}
                ORDER BY seq LIMIT {limit}
            ), queued AS (
                INSERT INTO outbox_messages (id, message_type, payload, replay_to, replay_of, attempts, available_at)
                SELECT gen_random_uuid(), message_type, payload, {exchange}, message_id, 0,
                       now() + (row_number() OVER (ORDER BY seq)) * interval '1 microsecond'
                FROM batch
                RETURNING 1
            )
            SELECT max(seq) AS "Value" FROM batch
            """).ToListAsync(cancellationToken);
        return last.Single() ?? after;
    }

    /// <summary>
    /// As <see cref="QueueBatchAsync"/>, but the batch is queued as one <see cref="ReplayedPage"/> of the events in the
    /// log's order, each with its own message id, type name and body.
    /// </summary>
    public static async Task<long> QueuePageAsync(
        DbContext db, Guid requestId, string consumer, IReadOnlyCollection<string> messageTypes, DateTimeOffset? since, long after, int limit,
        CancellationToken cancellationToken, long upTo = long.MaxValue)
    {
        var (exchange, types, from, pageType) = (ReplayExchange.For(consumer), messageTypes.ToArray(), since ?? _beginning, MessageTypeNames.NameOf(typeof(ReplayedPage)));
        var last = await db.Database.SqlQuery<long?>($"""
            WITH batch AS (
                SELECT seq, message_id, message_type, payload FROM event_log
                WHERE seq > {after} AND seq <= {upTo} AND message_type = ANY({types}) AND created_at >= {from}
                ORDER BY seq LIMIT {limit}
            ), queued AS (
                INSERT INTO outbox_messages (id, message_type, payload, replay_to, attempts, available_at)
                SELECT gen_random_uuid(), {pageType}, jsonb_build_object('requestId', {requestId}, 'events',
                    jsonb_agg(jsonb_build_object('messageId', message_id, 'messageType', message_type, 'payload', payload) ORDER BY seq)),
                    {exchange}, 0, now()
                FROM batch HAVING count(*) > 0
                RETURNING 1
            )
            SELECT max(seq) AS "Value" FROM batch
            """).ToListAsync(cancellationToken);
        return last.Single() ?? after;
    }
}
