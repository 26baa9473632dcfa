using System.Diagnostics.Metrics;
using MicroInternships.Messaging.Outbox;

namespace MicroInternships.Messaging;

/// <summary>The outbox's and inbox's own instruments (meter <c>MicroInternships.Messaging</c>).</summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "MicroInternships.Messaging";

    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _parked;
    private readonly Counter<long> _duplicatesSkipped;
    private readonly Counter<long> _replaysSkipped;
    private readonly Counter<long> _consumeFailures;
    private readonly Counter<long> _movedToError;
    private readonly Counter<long> _redriven;
    private readonly Counter<long> _parkedForGood;
    private OutboxBacklog _backlog = OutboxBacklog.Empty;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("outbox.messages.published", "{message}", "Outbox rows published to the broker and marked sent.");
        _publishFailures = meter.CreateCounter<long>("outbox.publish.failures", "{message}", "Outbox publishes that failed and were rescheduled.");
        _parked = meter.CreateCounter<long>("outbox.messages.parked", "{message}", "Outbox rows parked after too many failed publishes.");
        _duplicatesSkipped = meter.CreateCounter<long>("inbox.duplicates.skipped", "{message}", "Redelivered or republished messages a consumer had already applied.");
        _replaysSkipped = meter.CreateCounter<long>("inbox.replays.skipped", "{message}", "Replayed events a consumer that acts on events left alone.");
        _consumeFailures = meter.CreateCounter<long>("consumer.failures", "{attempt}", "Consume attempts that threw, by queue; most are retried.");
        _movedToError = meter.CreateCounter<long>("consumer.error_queue.arrivals", "{message}", "Messages that failed every retry and went to the queue's _error queue.");
        _redriven = meter.CreateCounter<long>("consumer.error_queue.redriven", "{message}", "Messages moved from _error back to their queue to be tried again.");
        _parkedForGood = meter.CreateCounter<long>("consumer.parked", "{message}", "Poison messages that failed every return from _error, parked in the queue's _parked queue for a person.");
        meter.CreateObservableGauge("outbox.backlog", () => Volatile.Read(ref _backlog).Unsent, "{message}", "Outbox rows written but not yet published (parked rows excluded).");
        meter.CreateObservableGauge(
            "outbox.oldest_unsent.age", () => Volatile.Read(ref _backlog).OldestAge.TotalSeconds, "s", "How long the oldest unpublished outbox row has waited.");
        meter.CreateObservableGauge("outbox.parked", () => Volatile.Read(ref _backlog).Parked, "{message}", "Outbox rows parked after too many failed publishes, waiting for a replay.");
    }

    public void Published(string service, int count) => _published.Add(count, new KeyValuePair<string, object?>("service", service));

    public void PublishFailed(string service, string messageType) =>
        _publishFailures.Add(1, new("service", service), new("message_type", messageType));

    public void Parked(string service, string messageType) => _parked.Add(1, new("service", service), new("message_type", messageType));

    public void ConsumeFailed(string queue) => _consumeFailures.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void MovedToErrorQueue(string queue) => _movedToError.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void Redriven(string queue) => _redriven.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void ParkedForGood(string queue) => _parkedForGood.Add(1, new KeyValuePair<string, object?>("queue", queue));

    internal void Observe(OutboxBacklog backlog) => Volatile.Write(ref _backlog, backlog);

    public void DuplicateSkipped(string consumer) => _duplicatesSkipped.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    public void ReplaySkipped(string consumer) => _replaysSkipped.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
}
