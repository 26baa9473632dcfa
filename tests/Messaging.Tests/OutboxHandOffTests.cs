using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Tests.Data;
using MicroInternships.Messaging.Tests.Support;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.Testing;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Tests;

/// <summary>Rows a process commits go to its relay in memory; a lease keeps every poll off them until that relay had its chance.</summary>
public sealed class OutboxHandOffTests : MessagingTest
{
    [Fact]
    public async Task CommittedRows_ArePublishedFromMemory_BeforeAnyPollMayClaimThem()
    {
        // Polls far apart: only the hand-off can publish within the test's time.
        await using var host = await StartHostAsync(settings: new Dictionary<string, string?> { ["Messaging:PollInterval"] = "01:00:00" });

        await host.CommitAsync(new WorkRequested(RunId, "handed-off-1"), new WorkRequested(RunId, "handed-off-2"));

        await Eventually.HoldsAsync(async () => await host.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId)) == 2, "both events were applied");
        await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "both rows are marked sent");
        var rows = await host.WithDbAsync(db => db.Set<OutboxMessage>().ToListAsync());
        Assert.All(rows, row => Assert.True(row.SentAt < row.AvailableAt, $"sent at {row.SentAt:O}, before it was due to polls at {row.AvailableAt:O}"));
        Assert.All(rows, row => Assert.Equal(0, row.Attempts));
    }

    [Fact]
    public async Task RowsOfAProcessThatDiedBeforePublishing_WaitOutTheirLease_ThenAnotherRelayPublishesThemOnce()
    {
        await using var survivor = await StartHostAsync();

        // A process whose relay took hand-offs with a 3 s lease, and died before it published what it committed.
        var diedBeforePublishing = new OutboxHandOff<TestDbContext>();
        diedBeforePublishing.Open(TimeSpan.FromSeconds(3));
        await using (var db = new TestDbContext(new DbContextOptionsBuilder<TestDbContext>()
            .UseNpgsql(Database.ConnectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new OutboxWakeUp<TestDbContext>(new OutboxSignal<TestDbContext>(), diedBeforePublishing))
            .AddInterceptors(CommitHooks.Interceptors)
            .Options))
        {
            for (var index = 0; index < 5; index++)
            {
                db.AddIntegrationEvent(new WorkRequested(RunId, $"stranded-{index}"));
            }

            await db.SaveChangesAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, await survivor.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId)));
        Assert.Equal(5, await survivor.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));

        await Eventually.HoldsAsync(
            async () => await survivor.WithDbAsync(db => db.Effects.CountAsync(e => e.RunId == RunId)) == 5,
            "the survivor published the stranded rows once their lease ended", TimeSpan.FromSeconds(15));
        await Task.Delay(500);
        var effects = await survivor.WithDbAsync(db => db.Effects.Where(e => e.RunId == RunId).Select(e => e.Key).ToListAsync());
        Assert.Equal(5, effects.Distinct().Count());
        Assert.Equal(5, effects.Count);
    }
}
