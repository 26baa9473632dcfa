using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Real faults in the running system: a process killed with SIGKILL (with everything it started, so a database
/// server or broker dies with its children), then started again through Aspire, as an orchestrator restarts a pod.
/// </summary>
public sealed class SystemFaults(DistributedApplication app)
{
    private static readonly TimeSpan _recoveryTimeout = TimeSpan.FromMinutes(3);

    public int Kills { get; private set; }

    public async Task KillAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(_recoveryTimeout);
        using var process = Process.GetProcessById(ProcessId(resource));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text != KnownResourceStates.Running, timeout.Token);
        Kills++;
    }

    public async Task RestartAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(_recoveryTimeout);
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var started = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, $"Aspire could not start {resource} again: {started.Message}");
        await app.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text == KnownResourceStates.Running, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    public async Task KillAndRestartAsync(string resource, TimeSpan down)
    {
        await KillAsync(resource);
        await Task.Delay(down);
        await RestartAsync(resource);
    }

    /// <summary>Rows of a service's outbox not yet sent to the broker (parked ones included).</summary>
    public async Task<long> UnsentOutboxRowsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private int ProcessId(string resource)
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource, out var current))
        {
            throw new InvalidOperationException($"No resource {resource}.");
        }

        var pid = current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
        return pid is null ? throw new InvalidOperationException($"{resource} has no process id now ({current.Snapshot.State?.Text}).") : Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture);
    }
}
