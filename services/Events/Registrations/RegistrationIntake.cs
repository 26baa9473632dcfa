using System.Collections.Concurrent;
using System.Diagnostics;
using MicroInternships.Events.Data;
using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Jobs;

namespace MicroInternships.Events.Registrations;

/// <summary>
/// Takes registrations for an event in arrival order and settles those that arrive together in one transaction:
/// one lock of the event's row and one commit for all of them. Registrations for one event are serialized on that
/// lock (it is what keeps confirmed within capacity), so settling them one by one makes a burst wait for hundreds
/// of lock-holding round trips in a row; settling them together makes it wait for a few. Each process has its own
/// intake; processes still take turns on the row lock.
/// </summary>
public sealed class RegistrationIntake(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>At most this many applicants in one transaction, to bound its size and how long it holds the lock.</summary>
    public const int MaxBatch = 100;

    public static readonly ActivitySource Source = new("MicroInternships.Events");

    // A drained line stays, idle: removing it could race an arrival that just joined it, leaving two lines (and two
    // settlers) for one event. There are a handful of events a year, so the lines kept are few.
    private readonly ConcurrentDictionary<Guid, GroupCommitLine<Waiting>> _lines = new();

    /// <summary>Registers the caller, settled with whoever else is waiting for the same event.</summary>
    public async Task<(Registration Registration, int? Position)> RegisterAsync(
        Guid eventId, string attendeeId, string attendeeName, Audience audience, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(new Applicant(attendeeId, attendeeName, audience, clock.GetUtcNow(), Activity.Current));
        var line = _lines.GetOrAdd(eventId, _ => new GroupCommitLine<Waiting>());
        // A settler takes nothing at once: it starts on a thread of its own and takes its first batch there, with
        // everyone who queued meanwhile.
        if (line.Join(waiting, batchSize: 0, maxLeaders: 1) is not null)
        {
            // The batches run on their own, not inside the trace (or the cancellation) of the request that started them.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => SettleAllAsync(eventId, line));
            }
        }

        var outcome = await waiting.Outcome.Task.WaitAsync(cancellationToken);
        return outcome.Refusal is { } refusal ? throw refusal : (outcome.Registration!, outcome.Position);
    }

    private async Task SettleAllAsync(Guid eventId, GroupCommitLine<Waiting> line)
    {
        while (line.Next(MaxBatch) is { } batch)
        {
            await SettleAsync(eventId, batch);
        }
    }

    private async Task SettleAsync(Guid eventId, IReadOnlyList<Waiting> batch)
    {
        using var activity = Source.StartActivity("registrations settle", ActivityKind.Internal, parentContext: default,
            links: batch.Where(w => w.Applicant.Request is not null).Select(w => new ActivityLink(w.Applicant.Request!.Context)));
        activity?.SetTag("event.id", eventId).SetTag("registrations.count", batch.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            var desk = scope.ServiceProvider.GetRequiredService<RegistrationDesk>();
            var outcomes = await db.InTransactionAsync(async ct =>
            {
                var locked = await desk.LockEventAsync(eventId, ct);
                return await desk.RegisterAsync(locked, batch.Select(w => w.Applicant).ToList(), ct);
            }, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.SetResult(outcomes[i]);
            }
        }
        catch (Exception failure)
        {
            activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
            foreach (var waiting in batch)
            {
                waiting.Outcome.TrySetException(failure);
            }
        }
    }

    private sealed record Waiting(Applicant Applicant)
    {
        public TaskCompletionSource<RegistrationOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
