namespace MicroInternships.Contracts.Replay;

/// <summary>
/// A service asks every publisher to re-send its history of <see cref="EventTypes"/> (the type names the publishers log)
/// to it alone: a new consumer, or one whose database was rebuilt. <see cref="Consumer"/> is the asking service's name,
/// which names its replay exchange; <see cref="Since"/> limits the history to events written since then. A publisher
/// answers a <see cref="RequestId"/> once: event by event, or in <see cref="ReplayedPage"/>s when <see cref="Paged"/>.
/// </summary>
public sealed record ReplayRequested(
    Guid RequestId, string Consumer, IReadOnlyList<string> EventTypes, DateTimeOffset? Since, DateTimeOffset OccurredAt, bool Paged = false);
