using MassTransit;
using MicroInternships.Contracts.Replay;
using MicroInternships.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MicroInternships.Messaging.Replay;

/// <summary>
/// Every service answers replay requests for the events it logged: the request becomes a <see cref="ReplayJob"/> up to
/// the last such event logged so far, which <see cref="ReplayRunner{TContext}"/> works through in the background. A
/// service that logged none of the types records nothing; a request answered before is not answered again.
/// </summary>
public sealed class ReplayRequestedConsumer<TContext>(TContext db, MessagingMetrics metrics, ILogger<ReplayRequestedConsumer<TContext>> logger)
    : InboxConsumer<ReplayRequested, TContext>(db, metrics, logger)
    where TContext : DbContext
{
    protected override Task HandleAsync(ConsumeContext<ReplayRequested> context, CancellationToken cancellationToken)
    {
        var request = context.Message;
        var types = request.EventTypes.Distinct().ToArray();
        return Db.Database.ExecuteSqlAsync($"""
            INSERT INTO replay_jobs (request_id, consumer, event_types, since, up_to_seq, cursor_seq, paged)
            SELECT {request.RequestId}, {request.Consumer}, {types}, {request.Since}, max(seq), 0, {request.Paged}
            FROM event_log WHERE message_type = ANY({types})
            HAVING max(seq) IS NOT NULL
            ON CONFLICT DO NOTHING
            """, cancellationToken);
    }
}
