namespace MicroInternships.Messaging.Replay;

/// <summary>
/// One consumer's replay as a publisher works through it: its logged events of <see cref="EventTypes"/> up to
/// <see cref="UpToSequence"/> (the last one logged when the request arrived; later ones reach the consumer live), queued
/// a batch at a time after <see cref="CursorSequence"/>. A replay that stops midway resumes from its cursor.
/// </summary>
public sealed class ReplayJob
{
    private ReplayJob()
    {
        Consumer = null!;
        EventTypes = null!;
    }

    public Guid RequestId { get; private set; }

    public string Consumer { get; private set; }

    public string[] EventTypes { get; private set; }

    public DateTimeOffset? Since { get; private set; }

    public long UpToSequence { get; private set; }

    public long CursorSequence { get; private set; }

    /// <summary>Whether the consumer takes its history in pages (<see cref="Contracts.Replay.ReplayedPage"/>) rather than event by event.</summary>
    public bool Paged { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>The last batch queued up to <paramref name="sequence"/>; none queued means the replay is complete.</summary>
    public void Queued(long sequence, DateTimeOffset now)
    {
        if (sequence == CursorSequence)
        {
            DoneAt = now;
        }

        CursorSequence = sequence;
    }
}
