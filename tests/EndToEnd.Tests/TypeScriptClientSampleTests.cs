using System.Diagnostics;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// The TypeScript client's sample (clients/typescript/sample) signs in with a Development token and lists open
/// listings through the gateway, as a JavaScript or React Native app would: installed, compiled and run with Node.js.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TypeScriptClientSampleTests(SystemFixture system)
{
    [Fact]
    public async Task TheSample_ListsOpenListings_ThroughTheGateway()
    {
        var client = Path.Combine(Repository.Root, "clients", "typescript");

        await RunAsync(client, "npm", "ci --no-audit --no-fund --loglevel=error");
        await RunAsync(client, "npx", "tsc -p .");
        var output = await RunAsync(client, "node", "dist/sample/list-open-listings.js", ("GATEWAY_URL", system.Gateway.BaseAddress!.ToString()));

        // Other tests publish listings too, newest first, so which ten come back is not fixed; that each is printed is.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var count = int.Parse(lines.Single(line => line.StartsWith("open listings: ", StringComparison.Ordinal))["open listings: ".Length..]);
        Assert.InRange(count, 1, 10);
        Assert.Equal(count, lines.Count(line => line.EndsWith(" USD)", StringComparison.Ordinal)));
    }

    private static async Task<string> RunAsync(string directory, string command, string arguments, params (string Name, string Value)[] environment)
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
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{command} {arguments} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        return await output;
    }
}
