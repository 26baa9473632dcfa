using MassTransit;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroInternships.Messaging.Replay;

/// <summary>
/// A service learns the history of every event its state-building consumers take (<see cref="ReplayingConsumer"/>):
/// on start, it asks its publishers for a replay of each such type it has not asked for before. The types asked for
/// are recorded (<see cref="HistoryRequest"/>) in the transaction that queues the request, so a service with an empty
/// database asks for everything, one that knows its history asks for nothing, and replicas starting together ask once.
/// It asks once its bus is healthy, every queue bound, so whatever is logged after the publishers answer arrives live;
/// in pages if one of its consumers takes them (<see cref="ReplayedPages"/>).
/// </summary>
public sealed partial class HistoryBootstrap<TContext>(
    IServiceScopeFactory scopes, IEnumerable<ReplayingConsumer> consumers, IBusControl bus, string serviceName, TimeProvider clock,
    ILogger<HistoryBootstrap<TContext>> logger)
    : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan _retryInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _busCheckInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan _busWarning = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var types = consumers.Where(c => !c.TakesPages).SelectMany(c => c.MessageTypes).Distinct().ToDictionary(MessageTypeNames.NameOf);
        if (types.Count == 0)
        {
            return;
        }

        // Asked before this service's queues are bound, the events its publishers log after answering would reach it
        // neither by the replay (which stops at the last one logged then) nor live.
        var waitingSince = clock.GetUtcNow();
        var warned = false;
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            if (!warned && clock.GetUtcNow() - waitingSince > _busWarning)
            {
                LogWaitingForBus(_busWarning.TotalSeconds);
                warned = true;
            }

            await Task.Delay(_busCheckInterval, clock, stoppingToken);
        }

        while (true)
        {
            try
            {
                await RequestUnknownHistoryAsync(types, stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
                await Task.Delay(_retryInterval, clock, stoppingToken);
            }
        }
    }

    private async Task RequestUnknownHistoryAsync(Dictionary<string, Type> types, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();
        var requestId = Guid.CreateVersion7(now);
        var names = types.Keys.ToArray();
        var asked = await db.InTransactionAsync(async ct =>
        {
            var unknown = await db.Database.SqlQuery<string>($"""
                INSERT INTO history_requests (event_type, request_id)
                SELECT unnest({names}), {requestId}
                ON CONFLICT DO NOTHING
                RETURNING event_type AS "Value"
                """).ToListAsync(ct);
            if (unknown.Count > 0)
            {
                db.RequestReplay(serviceName, unknown.Select(name => types[name]), now, requestId: requestId, paged: ReplayedPages.AreTakenBy(consumers));
            }

            return unknown;
        }, cancellationToken);

        if (asked.Count > 0)
        {
            LogAsked(requestId, asked.Count, string.Join(", ", asked.Select(name => types[name].Name)));
        }
    }

    [LoggerMessage(LogLevel.Information, "Asked the publishers for the history of {Count} event types (replay {RequestId}): {EventTypes}")]
    private partial void LogAsked(Guid requestId, int count, string eventTypes);

    [LoggerMessage(LogLevel.Warning, "The bus has not been healthy for {Seconds} s; the history this service copies is asked for once it is")]
    private partial void LogWaitingForBus(double seconds);

    [LoggerMessage(LogLevel.Warning, "Could not ask for the history this service's consumers build state from; trying again shortly")]
    private partial void LogFailed(Exception exception);
}
