using System.Reflection;
using MassTransit;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MicroInternships.Messaging.Tests;

/// <summary>Who applies which deliveries: alone at once on a quiet line (or together after a linger), together behind a busy one, none left waiting.</summary>
public sealed class InboxLineTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly InboxLine<WorkRequested> _line;

    public InboxLineTests() => _line = new InboxLine<WorkRequested>(_clock);

    [Fact]
    public void OnAQuietLine_EachDeliveryLeadsAtOnce_Alone()
    {
        var first = Join("first", maxLeaders: 2);
        var second = Join("second", maxLeaders: 2);

        Assert.Equal(["first"], BatchOf(first));
        Assert.Equal(["second"], BatchOf(second));
    }

    [Fact]
    public void BehindBusyLeaders_DeliveriesGather_AndTheFirstOfThemLeadsTheNextBatch()
    {
        var leader = Join("leader", maxLeaders: 1);
        var waiting = new[] { "a", "b", "c" }.Select(key => Join(key, maxLeaders: 1)).ToArray();
        Assert.All(waiting, turn => Assert.False(turn.Outcome.IsCompleted));

        _line.Handover(batchSize: 2);

        Assert.Equal(["a", "b"], BatchOf(waiting[0]));
        Assert.False(waiting[1].Outcome.IsCompleted, "b is applied by a's batch, and told so by a");
        Assert.False(waiting[2].Outcome.IsCompleted);

        _line.Handover(batchSize: 2);
        Assert.Equal(["c"], BatchOf(waiting[2]));

        _line.Handover(batchSize: 2);
        Assert.Equal(["after"], BatchOf(Join("after", maxLeaders: 1)));
        Assert.Equal(["leader"], BatchOf(leader));
    }

    [Fact]
    public async Task WithALinger_TheFirstOnAnIdleLineWaits_AndLeadsEveryoneWhoCameMeanwhile()
    {
        var linger = TimeSpan.FromMilliseconds(200);
        var first = Join("first", maxLeaders: 1, linger);
        var second = Join("second", maxLeaders: 1, linger);
        _clock.Advance(linger - TimeSpan.FromMilliseconds(1));
        Assert.False(first.Outcome.IsCompleted, "the first waits for company");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await first.Outcome.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["first", "second"], BatchOf(first));
        Assert.False(second.Outcome.IsCompleted, "second is applied in first's batch, and told so by it");

        var third = Join("third", maxLeaders: 1, linger);
        _line.Handover(batchSize: 2);
        Assert.Equal(["third"], BatchOf(third));
    }

    private InboxTurn<WorkRequested> Join(string key, int maxLeaders, TimeSpan linger = default) =>
        _line.Join(MessageOnly.Of(new WorkRequested("line", key)), batchSize: 2, maxLeaders, linger);

    private static string[] BatchOf(InboxTurn<WorkRequested> turn)
    {
        Assert.True(turn.Outcome.IsCompletedSuccessfully, "the turn leads a batch");
        return [.. turn.Outcome.Result!.Select(member => member.Delivery.Message.Key)];
    }

    /// <summary>A delivery of which only the message is known: all the line looks at.</summary>
    public class MessageOnly : DispatchProxy
    {
        private WorkRequested? _message;

        public static ConsumeContext<WorkRequested> Of(WorkRequested message)
        {
            var delivery = Create<ConsumeContext<WorkRequested>, MessageOnly>();
            ((MessageOnly)(object)delivery)._message = message;
            return delivery;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == "get_Message" ? _message : throw new NotSupportedException(targetMethod?.Name);
    }
}
