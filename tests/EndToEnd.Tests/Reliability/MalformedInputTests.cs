using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MicroInternships.Testing;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Thousands of generated malformed requests through the gateway, each from a caller allowed to use the route so it
/// reaches the service's own checks: never a 5xx, every refusal problem details naming no .NET type or parameter, and
/// the system healthy afterwards.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class MalformedInputTests(SystemFixture system, ITestOutputHelper output)
{
    private const int Workers = 8;
    private static readonly TimeSpan _answerTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GeneratedMalformedRequests_AreNever5xx_AlwaysProblemDetailsInTheContractsWords_AndLeaveTheSystemHealthy()
    {
        var world = await ReliabilityWorld.CreateAsync(new GatewayCalls(system), callersPerRole: 8);
        var seed = ReliabilitySettings.Seed;
        var total = ReliabilitySettings.MalformedRequests;
        var statuses = new ConcurrentDictionary<string, int>();
        var mutations = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var elapsed = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var generator = new MalformedRequestGenerator(world, seed + worker);
            for (var i = worker; i < total; i += Workers)
            {
                var request = generator.Next();
                var (status, failure) = await SendAsync(request);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                mutations.AddOrUpdate(request.Mutation.Split(' ')[0], 1, (_, n) => n + 1);
                if (failure is not null)
                {
                    failures.Enqueue($"{failure} <- {request}");
                }
            }
        })));

        output.WriteLine($"{total:N0} malformed requests (seed {seed}) in {elapsed.Elapsed.TotalSeconds:N1} s");
        output.WriteLine($"Answers: {string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value:N0}"))}");
        output.WriteLine($"Kinds: {string.Join(", ", mutations.OrderByDescending(m => m.Value).Select(m => $"{m.Key}: {m.Value:N0}"))}");
        Assert.True(failures.IsEmpty,
            $"{failures.Count} of {total:N0} answers broke the contract (seed {seed}); the first ones:\n{string.Join("\n", failures.Take(25))}");
        await system.AssertEveryResourceHealthyAsync();
        await GatewayCalls.SendAsync(world.Students[0].Client, HttpMethod.Get, $"/api/placements/{world.Students[0].OwnedId}");
    }

    private static async Task<(string Status, string? Failure)> SendAsync(MalformedRequest request)
    {
        using var timeout = new CancellationTokenSource(_answerTimeout);
        using var message = request.ToHttpRequest();
        try
        {
            using var response = await request.Caller.Client.SendAsync(message, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            // Kestrel's bare 400 to a request it cannot parse: the only refusal not in problem details, counted apart.
            return ProblemRecordingHandler.IsRefusedByTheServerBeforeAnyApplicationCode(response, body.Length)
                ? ($"{(int)response.StatusCode} (Kestrel)", null)
                : (((int)response.StatusCode).ToString(), Judge(request, response, body));
        }
        catch (OperationCanceledException)
        {
            return ("none", $"no answer in {_answerTimeout.TotalSeconds} s");
        }
        catch (HttpRequestException exception)
        {
            return ("none", $"no answer: {exception.Message} {exception.InnerException?.Message}");
        }
    }

    private static string? Judge(MalformedRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500 || status < 200 || (request.MustBeRefused && status < 400))
        {
            return $"{status} {Shorten(body)}";
        }

        if (status == (int)HttpStatusCode.TooManyRequests)
        {
            return "429: the run outpaced a caller's rate limit, so the request never reached the service";
        }

        if (status >= 400 && !IsProblemDetails(response, body, status))
        {
            return $"{status} is not problem details ({response.Content.Headers.ContentType}): {Shorten(body)}";
        }

        if (status >= 400 && DotNetNames.FindIn(body) is { } leak)
        {
            return $"{status} echoes the .NET name '{leak}': {Shorten(body)}";
        }

        return null;
    }

    private static bool IsProblemDetails(HttpResponseMessage response, string body, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("status", out var value) && value.TryGetInt32(out var stated) && stated == status;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "...";
}
