using MicroInternships.Contracts.Replay;
using MicroInternships.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Replay;

public static class ReplayRequests
{
    /// <summary>
    /// Asks every publisher, through the outbox with the caller's other changes, to re-send its logged events of
    /// <paramref name="eventTypes"/> to <paramref name="consumer"/>'s replay queue (<see cref="ReplayExchange"/>), one by
    /// one or, <paramref name="paged"/>, in <see cref="ReplayedPage"/>s.
    /// </summary>
    public static ReplayRequested RequestReplay(
        this DbContext db, string consumer, IEnumerable<Type> eventTypes, DateTimeOffset now, DateTimeOffset? since = null, Guid? requestId = null,
        bool paged = false)
    {
        var request = new ReplayRequested(
            requestId ?? Guid.CreateVersion7(now), consumer, [.. eventTypes.Select(MessageTypeNames.NameOf)], since, now, paged);
        db.AddIntegrationEvent(request);
        return request;
    }
}
