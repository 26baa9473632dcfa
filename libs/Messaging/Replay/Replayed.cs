using MassTransit;

namespace MicroInternships.Messaging.Replay;

/// <summary>
/// Marks an event a publisher re-sent from its event log (a replay) rather than one that just happened. Replayed
/// events build state (copies, counts); they never make anything happen again (an email, a payout).
/// </summary>
public static class Replayed
{
    public const string Header = "MI-Replayed";

    public static bool Is(ConsumeContext context) => context.Headers.Get<bool>(Header) == true;

    public static void Mark(SendContext context) => context.Headers.Set(Header, true);
}
