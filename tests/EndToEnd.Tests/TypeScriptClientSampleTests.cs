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

        await ToolProcess.RunToSuccessAsync(client, "npm", "ci --no-audit --no-fund --loglevel=error");
        await ToolProcess.RunToSuccessAsync(client, "npx", "tsc -p .");
        var output = await ToolProcess.RunToSuccessAsync(client, "node", "dist/sample/list-open-listings.js", ("GATEWAY_URL", system.Gateway.BaseAddress!.ToString()));

        // Other tests publish listings too, newest first, so which ten come back is not fixed; that each is printed is.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var count = int.Parse(lines.Single(line => line.StartsWith("open listings: ", StringComparison.Ordinal))["open listings: ".Length..]);
        Assert.InRange(count, 1, 10);
        Assert.Equal(count, lines.Count(line => line.EndsWith(" USD)", StringComparison.Ordinal)));
    }
}
