using System.Diagnostics.Metrics;

namespace MicroInternships.Messaging;

/// <summary>The outbox's and inbox's own instruments (meter <c>MicroInternships.Messaging</c>).</summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "MicroInternships.Messaging";

    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _parked;
    private readonly Counter<long> _duplicatesSkipped;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("outbox.messages.published", "{message}", "Outbox rows published to the broker and marked sent.");
        _publishFailures = meter.CreateCounter<long>("outbox.publish.failures", "{message}", "Outbox publishes that failed and were rescheduled.");
        _parked = meter.CreateCounter<long>("outbox.messages.parked", "{message}", "Outbox rows parked after too many failed publishes.");
        _duplicatesSkipped = meter.CreateCounter<long>("inbox.duplicates.skipped", "{message}", "Redelivered or republished messages a consumer had already applied.");
    }

    public void Published(string service, int count) => _published.Add(count, new KeyValuePair<string, object?>("service", service));

    public void PublishFailed(string service, string messageType) =>
        _publishFailures.Add(1, new("service", service), new("message_type", messageType));

    public void Parked(string service, string messageType) => _parked.Add(1, new("service", service), new("message_type", messageType));

    public void DuplicateSkipped(string consumer) => _duplicatesSkipped.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
}
