namespace MicroInternships.Messaging.Bench;

/// <summary><paramref name="SentAt"/> is a <see cref="System.Diagnostics.Stopwatch"/> timestamp: producer and consumer share the process.</summary>
public sealed record BareTick(long Sequence, long SentAt);

public sealed record OutboxTick(long Sequence, long SentAt);
