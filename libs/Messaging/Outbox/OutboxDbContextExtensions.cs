using System.Text.Json;
using MicroInternships.Messaging.EventLog;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds <paramref name="message"/> to the unit of work: it is stored by the next <c>SaveChangesAsync</c>,
    /// with the state change, and published by the relay only once that commit succeeded; the service's event log keeps
    /// it for good (replays). The current trace travels with it, so the consumer's span joins the trace of the request
    /// that caused it.
    /// </summary>
    public static void AddIntegrationEvent<TMessage>(this DbContext context, TMessage message) where TMessage : class =>
        context.AddIntegrationEvent(message, TraceContinuation.Capture());

    /// <summary>As <see cref="AddIntegrationEvent{TMessage}(DbContext, TMessage)"/>, continuing <paramref name="trace"/>: the trace of the change, captured when it was made.</summary>
    public static void AddIntegrationEvent<TMessage>(this DbContext context, TMessage message, (string? TraceParent, string? TraceState) trace) where TMessage : class
    {
        var (id, type, payload) = (Guid.CreateVersion7(), MessageTypeNames.NameOf(message.GetType()), JsonSerializer.Serialize(message, message.GetType(), PayloadJson));
        context.Set<OutboxMessage>().Add(new OutboxMessage(id, type, payload, trace.TraceParent, trace.TraceState));
        context.Set<LoggedEvent>().Add(new LoggedEvent(id, type, payload));
    }

    /// <summary>
    /// Adds a message for its consumer that the service's history must not keep: one that carries an address or a
    /// link's secret (an email to someone who is no user yet). It goes through the outbox like any event, so it is sent
    /// if and only if the change commits, and its row is deleted with the other sent rows; it is never in the event
    /// log, so no replay sends it again.
    /// </summary>
    public static void AddPrivateMessage<TMessage>(this DbContext context, TMessage message) where TMessage : class
    {
        var (traceParent, traceState) = TraceContinuation.Capture();
        context.Set<OutboxMessage>().Add(new OutboxMessage(
            Guid.CreateVersion7(), MessageTypeNames.NameOf(message.GetType()), JsonSerializer.Serialize(message, message.GetType(), PayloadJson), traceParent, traceState));
    }

    /// <summary>Returns parked rows (all, or those named) to the relay's queue with a fresh attempt count.</summary>
    public static Task<int> ReplayParkedOutboxMessagesAsync(this DbContext context, IReadOnlyCollection<Guid>? ids = null, CancellationToken cancellationToken = default)
    {
        var parked = context.Set<OutboxMessage>().Where(m => m.ParkedAt != null && m.SentAt == null);
        if (ids is not null)
        {
            parked = parked.Where(m => ids.Contains(m.Id));
        }

        return parked.ExecuteUpdateAsync(row => row
            .SetProperty(m => m.ParkedAt, (DateTimeOffset?)null)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.AvailableAt, DateTimeOffset.UtcNow), cancellationToken);
    }
}
