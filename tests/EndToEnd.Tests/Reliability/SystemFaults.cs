using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Real faults in the running system: a process killed with SIGKILL (with everything it started, so a database
/// server or broker dies with its children), then started again through Aspire, as an orchestrator restarts a pod.
/// </summary>
public sealed class SystemFaults(DistributedApplication app)
{
    private static readonly TimeSpan _recoveryTimeout = TimeSpan.FromMinutes(3);

    public int Kills { get; private set; }

    /// <summary>Kills one process of the resource (one replica, when it has several) and returns which one.</summary>
    public async Task<string> KillAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(_recoveryTimeout);
        var (instance, pid) = await RunningInstanceAsync(resource);
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceAsync(resource, e => e.ResourceId == instance && e.Snapshot.State?.Text != KnownResourceStates.Running, timeout.Token);
        Kills++;
        return instance;
    }

    /// <summary>Kills every process of the resource, one replica after another; their ids, to start them again.</summary>
    public async Task<IReadOnlyList<string>> KillAllAsync(string resource)
    {
        var killed = new List<string>();
        for (var replica = 0; replica < SystemFixture.Replicas; replica++)
        {
            killed.Add(await KillAsync(resource));
        }

        return killed;
    }

    public async Task RestartAsync(string resource, string instance)
    {
        using var timeout = new CancellationTokenSource(_recoveryTimeout);
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var started = await commands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, $"Aspire could not start {instance} again: {started.Message}");
        await app.ResourceNotifications.WaitForResourceAsync(resource, e => e.ResourceId == instance
            && e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy, timeout.Token);
    }

    public async Task KillAndRestartAsync(string resource, TimeSpan down)
    {
        var instance = await KillAsync(resource);
        await Task.Delay(down);
        await RestartAsync(resource, instance);
    }

    /// <summary>Rows of a service's outbox not yet sent to the broker (parked ones included).</summary>
    public Task<long> UnsentOutboxRowsAsync(string database) =>
        app.ScalarAsync<long>(database, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

    /// <summary>Waits until every row of a service's outbox is sent; fails with how many were not, after <paramref name="within"/>.</summary>
    public async Task AssertOutboxDrainsAsync(string database, TimeSpan within)
    {
        var drainedBy = DateTime.UtcNow + within;
        long unsent;
        while ((unsent = await UnsentOutboxRowsAsync(database)) > 0 && DateTime.UtcNow < drainedBy)
        {
            await Task.Delay(250);
        }

        Assert.True(unsent == 0, $"{unsent} rows of {database}'s outbox were still unsent after {within.TotalSeconds:N0} s.");
    }

    /// <summary>A running process of the resource, at random among its replicas: its Aspire id and its process id.</summary>
    private async Task<(string Instance, int ProcessId)> RunningInstanceAsync(string resource)
    {
        // The watch starts with each instance's current state; a second of it is enough to know them all.
        var latest = new Dictionary<string, ResourceEvent>();
        using (var listening = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                await foreach (var change in app.ResourceNotifications.WatchAsync(listening.Token))
                {
                    if (change.Resource.Name == resource)
                    {
                        latest[change.ResourceId] = change;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        var running = latest.Values
            .Where(e => e.Snapshot.State?.Text == KnownResourceStates.Running)
            .Select(e => (e.ResourceId, Pid: e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value))
            .Where(e => e.Pid is not null)
            .ToList();
        Assert.True(running.Count > 0, $"{resource} has no running process to kill.");
        var (instance, pid) = running[Random.Shared.Next(running.Count)];
        return (instance, Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture));
    }
}
