using MicroInternships.Messaging.EventLog;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Tests.Support;
using MicroInternships.Testing;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Tests;

/// <summary>The event log keeps every published event, in the order written, after the relay's clean-up has pruned the outbox.</summary>
public sealed class EventLogTests : MessagingTest
{
    [Fact]
    public async Task EveryEventIsLogged_WithItsOutboxRow_AndOutlivesTheOutboxCleanUp()
    {
        await using var host = await StartHostAsync(settings: new Dictionary<string, string?>
        {
            ["Messaging:Retention"] = "00:00:01",
            ["Messaging:CleanupInterval"] = "00:00:00.200",
        });

        await host.CommitAsync(new WorkRequested(RunId, "first"), new WorkRequested(RunId, "second"));
        await host.CommitAsync(new WorkRequested(RunId, "third"));
        var written = await host.WithDbAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Id).Select(m => new { m.Id, m.MessageType, m.Payload }).ToListAsync());

        await Eventually.HoldsAsync(async () => await host.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync()) == false, "the clean-up pruned the sent outbox rows");
        var logged = await host.WithDbAsync(db => db.Set<LoggedEvent>().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(written.Select(w => (w.Id, w.MessageType, w.Payload)).Order(), logged.Select(e => (e.MessageId, e.MessageType, e.Payload)).Order());
        Assert.Equal("third", System.Text.Json.JsonDocument.Parse(logged[^1].Payload).RootElement.GetProperty("key").GetString());
    }
}
