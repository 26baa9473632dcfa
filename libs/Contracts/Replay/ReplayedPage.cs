using System.Text.Json;

namespace MicroInternships.Contracts.Replay;

/// <summary>
/// Consecutive events of a publisher's history, in the order it logged them, sent as one message to a service that asked
/// for its history in pages (<see cref="ReplayRequested.Paged"/>): a long history costs a message per page, not per event.
/// </summary>
public sealed record ReplayedPage(Guid RequestId, IReadOnlyList<ReplayedEvent> Events);

/// <summary>One logged event as its publisher logged it: its message id, its type's logged name, and its body.</summary>
public sealed record ReplayedEvent(Guid MessageId, string MessageType, JsonElement Payload);
