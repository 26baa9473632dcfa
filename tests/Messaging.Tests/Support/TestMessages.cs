namespace MicroInternships.Messaging.Tests.Support;

/// <summary>Every test host binds the same message types; each reacts only to its own run's messages.</summary>
public interface IRunMessage
{
    string RunId { get; }
}

public sealed record WorkRequested(string RunId, string Key) : IRunMessage;

public sealed record FlakyWorkRequested(string RunId, string Key, int Failures) : IRunMessage;

public sealed record PoisonWorkRequested(string RunId, string Key) : IRunMessage;
