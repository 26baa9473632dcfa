using System.Diagnostics;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>A command-line tool the tests run as its users would (npm, node), with its exit code and output.</summary>
public static class ToolProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string directory, string command, string arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start; Node.js and npm are needed.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {arguments} did not finish within 3 minutes.");
        }
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Runs the tool and fails the test unless it exits with 0; its output.</summary>
    public static async Task<string> RunToSuccessAsync(string directory, string command, string arguments, params (string Name, string Value)[] environment)
    {
        var (exitCode, output, errors) = await RunAsync(directory, command, arguments, environment);
        Assert.True(exitCode == 0, $"{command} {arguments} exited with {exitCode}:\n{output}\n{errors}");
        return output;
    }
}
