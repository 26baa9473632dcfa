namespace MicroInternships.Messaging.Replay;

/// <summary>
/// An event type whose history this service asked its publishers for (<see cref="HistoryBootstrap{TContext}"/>), with
/// the request that asked. A service asks once per type: on its first start with an empty database, and again only for
/// a type a later version of it starts taking.
/// </summary>
public sealed class HistoryRequest
{
    private HistoryRequest()
    {
        EventType = null!;
    }

    public string EventType { get; private set; }

    public Guid RequestId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }
}
