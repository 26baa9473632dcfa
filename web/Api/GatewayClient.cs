using MicroInternships.Clients;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Kiota.Abstractions;
using Polly.Timeout;

namespace MicroInternships.Web.Api;

/// <summary>
/// The site's one way to the platform: the gateway's public API through the clients generated from its description
/// (clients/dotnet), called with the signed-in person's token and on behalf of the visitor's address
/// (<see cref="SiteRequestHeaders"/>). Every answer comes back as an <see cref="ApiResult{T}"/>: a value, or the
/// problem to show; nothing a call can meet escapes as an exception to end the page's circuit.
/// </summary>
public sealed class GatewayClient(HttpClient http, AuthenticationStateProvider authentication, Visitor visitor, ILogger<GatewayClient> logger)
{
    public const string HttpClientName = "gateway";

    private readonly GatewayClients _api = new(http, new SiteRequestHeaders(authentication, visitor));

    /// <summary>A call answered with a body, such as <c>api =&gt; api.Listings.Api.Listings[id].GetAsync()</c>.</summary>
    public async Task<ApiResult<T>> CallAsync<T>(Func<GatewayClients, Task<T?>> call, CancellationToken cancellationToken = default)
        where T : class
    {
        var outcome = await TryAsync(async () => await call(_api), cancellationToken);
        return outcome switch
        {
            { Problem: { } problem } => ApiResult<T>.Failure(problem),
            { Value: T value } => ApiResult<T>.Success(value),
            _ => ApiResult<T>.Failure(ApiProblem.Unreachable),
        };
    }

    /// <summary>
    /// A call the page gives up on after <paramref name="limit"/> (answered with <see cref="ApiProblem.NoAnswer"/>): for
    /// server-rendered public pages, which a visitor sees nothing of until every call is back.
    /// </summary>
    public async Task<ApiResult<T>> CallWithinAsync<T>(TimeSpan limit, Func<GatewayClients, CancellationToken, Task<T?>> call)
        where T : class
    {
        using var patience = new CancellationTokenSource(limit);
        try
        {
            return await CallAsync(api => call(api, patience.Token), patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            logger.LogWarning("The gateway did not answer a public page's call within {Limit}", limit);
            return ApiResult<T>.Failure(ApiProblem.NoAnswer);
        }
    }

    /// <summary>A call answered with no content (204), such as linking a listing into a course.</summary>
    public async Task<ApiResult<bool>> CallAsync(Func<GatewayClients, Task> call, CancellationToken cancellationToken = default)
    {
        var outcome = await TryAsync(async () =>
        {
            await call(_api);
            return true;
        }, cancellationToken);
        return outcome.Problem is { } problem ? ApiResult<bool>.Failure(problem) : ApiResult<bool>.Success(true);
    }

    /// <summary>
    /// Replaces a resource only as of <paramref name="readVersion"/>: if someone changed it since, the answer is 412
    /// <c>version_mismatch</c> and nothing is overwritten.
    /// </summary>
    public static Action<RequestConfiguration<DefaultQueryParameters>> IfMatch(long? readVersion) =>
        configuration => configuration.Headers.Add("If-Match", $"\"{readVersion}\"");

    private async Task<(object? Value, ApiProblem? Problem)> TryAsync(Func<Task<object?>> call, CancellationToken cancellationToken)
    {
        try
        {
            return (await call(), null);
        }
        catch (ApiException refused)
        {
            return (null, ApiProblem.From(refused));
        }
        catch (InvalidOperationException exception) when (exception.Source?.StartsWith("Microsoft.Kiota", StringComparison.Ordinal) == true)
        {
            // Kiota refuses to parse an error body of a type it has no reader for, such as a proxy's HTML page.
            logger.LogWarning(exception, "The gateway's answer could not be read");
            return (null, ApiProblem.Unreadable);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "The gateway could not be reached");
            return (null, ApiProblem.Unreachable);
        }
        catch (Exception exception) when (exception is TaskCanceledException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            // The resilience handler's total timeout throws its own exception, not a cancellation: both mean no answer.
            logger.LogWarning("The gateway did not answer in time");
            return (null, ApiProblem.NoAnswer);
        }
    }
}
