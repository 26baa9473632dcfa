namespace MicroInternships.Messaging.Replay;

/// <summary>
/// Where a service receives replays: an exchange of its own, <c>replay.{service}</c>, bound to its <c>{service}-replay</c>
/// queue, which carries only the consumers that build state (<see cref="ReplayRegistrationExtensions.AppliesReplays"/>).
/// Publishers send to the exchange; only the consumer reads the queue.
/// </summary>
public static class ReplayExchange
{
    public static string For(string consumer) => $"replay.{consumer}";

    public static string QueueOf(string consumer) => $"{consumer}-replay";
}
