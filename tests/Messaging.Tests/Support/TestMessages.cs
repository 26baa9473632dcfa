namespace MicroInternships.Messaging.Tests.Support;

/// <summary>Every test host binds the same message types; each reacts only to its own run's messages.</summary>
public interface IRunMessage
{
    string RunId { get; }
}

public sealed record WorkRequested(string RunId, string Key) : IRunMessage;

public sealed record FlakyWorkRequested(string RunId, string Key, int Failures) : IRunMessage;

public sealed record PoisonWorkRequested(string RunId, string Key) : IRunMessage;

/// <summary>Declared subscribed by every test host; only a host started to subscribe binds a queue for it.</summary>
public sealed record SubscribedWorkRequested(string RunId, string Key) : IRunMessage;

/// <summary>Not subscribed, and no test host binds a queue for it.</summary>
public sealed record UnsubscribedWorkRequested(string RunId, string Key) : IRunMessage;

/// <summary>Applied by a consumer that builds state, and so applies replayed events too.</summary>
public sealed record HistoryRecorded(string RunId, string Key) : IRunMessage;
