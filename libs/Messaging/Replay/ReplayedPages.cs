using System.Text.Json;
using MicroInternships.Contracts.Replay;
using MicroInternships.Messaging.Outbox;

namespace MicroInternships.Messaging.Replay;

/// <summary>
/// A service that takes its history in pages has a replaying consumer of <see cref="ReplayedPage"/>, which reads each
/// page's events back as the messages their publisher logged (<see cref="Messages"/>). Pages are only sent to the replay
/// queue: the consumer is marked <c>[ExcludeFromConfigureEndpoints]</c>, or it would get a queue of its own and an
/// exchange for <see cref="ReplayedPage"/> that the service's broker user may not declare.
/// </summary>
public static class ReplayedPages
{
    /// <summary>Whether the service's consumers take their history in pages: one of them consumes <see cref="ReplayedPage"/>.</summary>
    public static bool AreTakenBy(IEnumerable<ReplayingConsumer> consumers) => consumers.Any(c => c.TakesPages);

    /// <summary>The page's events in their publisher's order, each as its own type.</summary>
    public static IEnumerable<(Guid MessageId, object Message)> Messages(ReplayedPage page) =>
        page.Events.Select(e => (e.MessageId, e.Payload.Deserialize(MessageTypeNames.TypeOf(e.MessageType), OutboxDbContextExtensions.PayloadJson)
            ?? throw new JsonException($"A replayed {e.MessageType} has no body.")));
}
