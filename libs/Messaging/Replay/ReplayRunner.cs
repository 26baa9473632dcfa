using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging.Replay;

/// <summary>
/// Works through the unfinished <see cref="ReplayJob"/>s, a batch of <see cref="BatchSize"/> logged events per
/// transaction, at most <see cref="MessagingOptions.ReplayRate"/> events a second, keeping at most
/// <see cref="MaxQueued"/> of a consumer's replayed events waiting in the outbox, so a long replay never floods the
/// relay ahead of live events. A paged job's batch is one message (a page), paced by
/// <see cref="MessagingOptions.PagedReplayRate"/>, with at most <see cref="MaxQueuedPages"/> waiting. Replicas share the
/// work: a job is claimed with <c>FOR UPDATE SKIP LOCKED</c> for one batch at a time.
/// </summary>
public sealed class ReplayRunner<TContext>(
    IServiceScopeFactory scopes, OutboxSignal<TContext> relay, IOptions<MessagingOptions> options, TimeProvider clock, ILogger<ReplayRunner<TContext>> logger)
    : PeriodicJob(clock, logger)
    where TContext : DbContext
{
    public const int BatchSize = 500;
    public const int MaxQueued = 5_000;
    public const int MaxQueuedPages = 4;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        while (await QueueNextBatchAsync(cancellationToken) is { } paged)
        {
            relay.Notify();
            var rate = paged ? options.Value.PagedReplayRate : options.Value.ReplayRate;
            await Task.Delay(rate > 0 ? TimeSpan.FromSeconds((double)BatchSize / rate) : TimeSpan.Zero, cancellationToken);
        }
    }

    /// <returns>Whether the batch queued was a page; null when no replay has a batch to queue now (none unfinished, or each already has enough waiting).</returns>
    private async Task<bool?> QueueNextBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.InTransactionAsync<bool?>(async ct =>
        {
            var jobs = await db.Set<ReplayJob>()
                .FromSql($"SELECT * FROM replay_jobs WHERE done_at IS NULL ORDER BY requested_at LIMIT 20 FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            foreach (var job in jobs)
            {
                var exchange = ReplayExchange.For(job.Consumer);
                var waiting = await db.Set<OutboxMessage>().CountAsync(m => m.ReplayTo == exchange && m.SentAt == null && m.ParkedAt == null, ct);
                if (waiting >= (job.Paged ? MaxQueuedPages : MaxQueued))
                {
                    continue;
                }

                var last = job.Paged
                    ? await EventReplays.QueuePageAsync(db, job.RequestId, job.Consumer, job.EventTypes, job.Since, job.CursorSequence, BatchSize, ct, job.UpToSequence)
                    : await EventReplays.QueueBatchAsync(db, job.Consumer, job.EventTypes, job.Since, job.CursorSequence, BatchSize, ct, job.UpToSequence);
                job.Queued(last, Now);
                return job.Paged;
            }

            return null;
        }, cancellationToken);
    }
}
