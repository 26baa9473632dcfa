using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Tests.Data;

namespace MicroInternships.Messaging.Tests;

/// <summary>When saves may hand their rows over: only to a running relay, and not beyond what memory should hold.</summary>
public sealed class OutboxHandOffQueueTests
{
    private readonly OutboxHandOff<TestDbContext> _handOff = new();

    [Fact]
    public void WithoutARelay_NothingIsReserved()
    {
        Assert.Null(_handOff.Lease);

        _handOff.Open(TimeSpan.FromSeconds(15));
        _handOff.Close();

        Assert.Null(_handOff.Lease);
    }

    [Fact]
    public void PastTheWaitingLimit_NewRowsGoToTheClaimingWorkers_UntilTheQueueShrinks()
    {
        _handOff.Open(TimeSpan.FromSeconds(15));
        _handOff.Offer(Enumerable.Range(0, OutboxHandOff<TestDbContext>.MaxWaiting - 1).Select(_ => Row()));
        Assert.Equal(TimeSpan.FromSeconds(15), _handOff.Lease);

        _handOff.Offer([Row()]);
        Assert.Null(_handOff.Lease);

        Assert.True(_handOff.Committed.TryRead(out _));
        Assert.Equal(TimeSpan.FromSeconds(15), _handOff.Lease);
    }

    private static OutboxMessage Row() => new(Guid.CreateVersion7(), "Test.Message, Test", "{}", traceParent: null, traceState: null);
}
