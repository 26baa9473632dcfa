using System.Diagnostics.Metrics;
using MicroInternships.Notifications.Stream;

namespace MicroInternships.Notifications.Telemetry;

/// <summary>
/// What people are told and how it reaches them (meter <c>MicroInternships.Notifications</c>): notifications made by
/// category, reminders sent, the open streams of this process and how long a new notification took to reach them, and
/// emails by outcome with how long each waited to be sent, and the emails still waiting.
/// </summary>
public sealed class NotificationsMetrics
{
    public const string MeterName = "MicroInternships.Notifications";

    private readonly Counter<long> _created;
    private readonly Counter<long> _remindersSent;
    private readonly Histogram<double> _streamLag;
    private readonly Counter<long> _emails;
    private readonly Histogram<double> _emailWait;
    private long _emailsWaiting;
    private double _oldestWaitingSeconds;

    public NotificationsMetrics(IMeterFactory meterFactory, NotificationFeed feed)
    {
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("notifications.created", "{notification}", "Notifications made, by category (an event delivered twice makes one).");
        _remindersSent = meter.CreateCounter<long>("notifications.reminders.sent", "{reminder}", "Reminders that came due and were sent, by category.");
        _streamLag = meter.CreateHistogram<double>(
            "notifications.stream.lag", "s", "From a notification's making to its write on an open stream.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _emails = meter.CreateCounter<long>("notifications.emails", "{email}", "Email attempts, by outcome: sent, retried (the server is away or busy), refused (for good).");
        _emailWait = meter.CreateHistogram<double>(
            "notifications.email.wait", "s", "From an email's queueing to the mail server's accepting it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 30, 60, 300, 1800, 3600, 21600] });
        meter.CreateObservableGauge("notifications.emails.waiting", () => Volatile.Read(ref _emailsWaiting), "{email}",
            "Emails queued and not yet sent nor refused (waiting for a retry or in a sender's hands included), as this process's sender last counted them.");
        meter.CreateObservableGauge("notifications.emails.oldest_waiting", () => Volatile.Read(ref _oldestWaitingSeconds), "s",
            "How long the oldest of those has waited since it was queued (0 when none waits).");
        meter.CreateObservableUpDownCounter("notifications.streams.open", () => feed.OpenStreams, "{stream}", "Streams open on this process.");
    }

    public void Created(string category) => _created.Add(1, new KeyValuePair<string, object?>("category", category));

    public void ReminderSent(string category) => _remindersSent.Add(1, new KeyValuePair<string, object?>("category", category));

    public void Streamed(TimeSpan lag) => _streamLag.Record(lag.TotalSeconds);

    public void EmailSent(TimeSpan waited)
    {
        _emails.Add(1, new KeyValuePair<string, object?>("outcome", "sent"));
        _emailWait.Record(waited.TotalSeconds);
    }

    public void EmailBacklog(long waiting, TimeSpan oldest)
    {
        Volatile.Write(ref _emailsWaiting, waiting);
        Volatile.Write(ref _oldestWaitingSeconds, oldest.TotalSeconds);
    }

    public void EmailRetried() => _emails.Add(1, new KeyValuePair<string, object?>("outcome", "retried"));

    public void EmailRefused() => _emails.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
}
