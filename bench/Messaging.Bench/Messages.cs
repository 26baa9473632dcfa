namespace MicroInternships.Messaging.Bench;

/// <summary><paramref name="SentAt"/> is a <see cref="System.Diagnostics.Stopwatch"/> timestamp (producer and consumer share the process); 0 on outbox ticks whose commit time the producer records after committing.</summary>
public sealed record BareTick(long Sequence, long SentAt);

public sealed record OutboxTick(long Sequence, long SentAt);
