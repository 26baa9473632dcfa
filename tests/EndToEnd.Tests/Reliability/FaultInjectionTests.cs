using System.Diagnostics;
using MicroInternships.Hosting;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// A stream of approvals, each of which must end in exactly one payment, while processes are killed (SIGKILL) and
/// the broker and the database server are restarted under it. The system recovers by itself; nothing is lost or doubled.
/// Its collection runs last of all (BreakingCollectionLast), so the faults touch no other test.
/// </summary>
[Collection(BreakableSystemCollection.Name)]
public sealed class FaultInjectionTests(SystemFixture system, ITestOutputHelper output)
{
    private static readonly string[] _services = [ResourceNames.PlacementsApi, ResourceNames.PaymentsApi, ResourceNames.ListingsApi];

    [Fact]
    public async Task ServicesKilledMidStream_EveryPlacementIsPaidExactlyOnce()
    {
        var faults = new SystemFaults(system.App);
        var seed = ReliabilitySettings.Seed;
        var random = new Random(seed);
        var stream = await PayoutStream.PrepareAsync(system, ReliabilitySettings.CrashCompletions);
        var killed = new List<string>();
        var elapsed = Stopwatch.StartNew();

        var approving = stream.ApproveAllAsync(spread: TimeSpan.FromSeconds(30 * ReliabilitySettings.CrashRounds));
        for (var round = 0; round < ReliabilitySettings.CrashRounds; round++)
        {
            foreach (var victim in _services.OrderBy(_ => random.Next()))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 3_000)));
                var killedAt = elapsed.Elapsed;
                await faults.KillAndRestartAsync(victim, TimeSpan.FromMilliseconds(random.Next(0, 2_000)));
                killed.Add($"{victim} at {killedAt.TotalSeconds:N1} s, back at {elapsed.Elapsed.TotalSeconds:N1} s");
            }
        }

        await approving;
        output.WriteLine($"Approvals done at {elapsed.Elapsed.TotalSeconds:N1} s");
        await stream.AssertPaidExactlyOnceAsync(faults, TimeSpan.FromMinutes(3));
        output.WriteLine($"{ReliabilitySettings.CrashCompletions} completions, {faults.Kills} kills with SIGKILL (seed {seed}: {string.Join("; ", killed)}), " +
            $"{stream.ApprovalRetries} approvals sent again, all paid once in {elapsed.Elapsed.TotalSeconds:N0} s");
        await system.AssertEveryResourceHealthyAsync();
    }

    [Fact]
    public async Task BrokerAndDatabaseRestartedMidStream_EveryPlacementIsPaidExactlyOnce()
    {
        var faults = new SystemFaults(system.App);
        var stream = await PayoutStream.PrepareAsync(system, ReliabilitySettings.CrashCompletions);
        var elapsed = Stopwatch.StartNew();

        var approving = stream.ApproveAllAsync(spread: TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await faults.KillAndRestartAsync(ResourceNames.RabbitMqServer, TimeSpan.FromSeconds(2));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await faults.KillAndRestartAsync(ResourceNames.Postgres, TimeSpan.FromSeconds(2));

        await approving;
        await stream.AssertPaidExactlyOnceAsync(faults, TimeSpan.FromMinutes(3));
        output.WriteLine($"{ReliabilitySettings.CrashCompletions} completions with the broker and the database server killed and restarted: " +
            $"{stream.ApprovalRetries} approvals sent again, all paid once in {elapsed.Elapsed.TotalSeconds:N0} s");
        await system.AssertEveryResourceHealthyAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BreakableSystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "a system to break";
}
