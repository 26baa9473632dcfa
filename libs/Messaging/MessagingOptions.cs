using System.ComponentModel.DataAnnotations;

namespace MicroInternships.Messaging;

/// <summary>Section <c>Messaging</c>: how the outbox relay and the consumers behave. Defaults suit one service on a small machine.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Rows one relay claims and publishes per round trip.</summary>
    [Range(1, int.MaxValue)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Claim-publish loops per relay: more keep more publishes in flight while the broker confirms earlier ones.</summary>
    public int RelayConcurrency { get; set; } = 4;

    /// <summary>
    /// How long rows a process commits are left to that process's relay, which publishes them from memory, before any
    /// relay may claim them from the table (what a crash strands waits this long). Keep it above
    /// <see cref="PublishTimeout"/>, or a slow publish may go out twice; <see cref="TimeSpan.Zero"/> turns hand-off off.
    /// </summary>
    public TimeSpan HandOffLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the relay looks for due rows when no commit woke it (covers crashes, retries and other replicas' rows).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirmation before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First delay after a failed publish; it doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed publishes after which a row is parked for ops (see docs/messaging.md to replay it).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>How long sent outbox rows and inbox records are kept before they are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the relay deletes rows past <see cref="Retention"/>.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages RabbitMQ hands each consumer endpoint ahead of acknowledgement.</summary>
    public int PrefetchCount { get; set; } = 128;

    /// <summary>
    /// Messages each endpoint processes at once. Consumers hold a database transaction while they work, so more than a
    /// few per core only makes PostgreSQL switch between them.
    /// </summary>
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>Most messages an inbox consumer applies in one transaction (a batch holds what arrived while the one before was applied).</summary>
    [Range(1, int.MaxValue)]
    public int InboxBatchSize { get; set; } = 50;

    /// <summary>
    /// Batches one inbox consumer applies at once in a process. One makes each batch take in everything that arrived
    /// while the last was applied: half the commits of two and less CPU per message on a small machine
    /// (docs/messaging.md, Benchmark); more suit a database with cores to spare.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int InboxBatchConcurrency { get; set; } = 1;

    /// <summary>
    /// How long a delivery that finds its consumer idle waits for company before its batch is applied (zero: it is
    /// applied at once). A consumer nobody waits on (notifications) lingers, so a burst of events makes one transaction
    /// and its work comes after the busy moment instead of during it; a busy line never lingers, its batches follow
    /// each other as before.
    /// </summary>
    public TimeSpan InboxLinger { get; set; } = TimeSpan.Zero;

    /// <summary>In-process consume retries after the first failure; a message still failing after the last goes to <c>{queue}_error</c>.</summary>
    public int ConsumeRetryLimit { get; set; } = 5;

    /// <summary>The first retry's delay; later ones grow exponentially up to <see cref="ConsumeRetryMaxInterval"/>.</summary>
    public TimeSpan ConsumeRetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan ConsumeRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most replayed events a process queues for sending per second, all replays together: a replay then takes a steady
    /// share of the publisher's relay and database instead of all of them for a while (docs/benchmarks.md, replay).
    /// Zero sends as fast as the relay goes.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int ReplayRate { get; set; } = 2_500;

    /// <summary>
    /// Most logged events a second a publisher re-sends to a service that asked for them in pages (one message per
    /// <c>ReplayRunner.BatchSize</c> events). A page costs a fraction of its events sent one by one, so the pace is higher;
    /// at most <c>ReplayRunner.MaxQueuedPages</c> wait in the outbox. Zero sends as fast as the relay goes.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int PagedReplayRate { get; set; } = 8_000;

    /// <summary>How often each consumer queue's <c>_error</c> queue is looked through for messages due to be tried again.</summary>
    public TimeSpan ErrorRedriveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a message waits in <c>_error</c> before it is moved back to its queue the first time; the wait doubles
    /// with each return, up to <see cref="ErrorRedriveMaxDelay"/>, so a dependency's outage is waited out without a person.
    /// </summary>
    public TimeSpan ErrorRedriveFirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ErrorRedriveMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Returns from <c>_error</c> after which a message that fails again is a poison message: it is parked in
    /// <c>{queue}_parked</c> for a person (about 2.5 hours of tries with the defaults). Zero parks on the first failure.
    /// </summary>
    [Range(0, 100)]
    public int ErrorRedriveLimit { get; set; } = 10;

    /// <summary>How often the outbox backlog gauges are refreshed.</summary>
    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Readiness fails once the oldest unsent outbox row has waited longer than this.</summary>
    public TimeSpan BacklogMaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Readiness fails once more outbox rows than this wait to be published.</summary>
    public int BacklogMaxRows { get; set; } = 10_000;
}
