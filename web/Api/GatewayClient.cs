using System.Net.Http.Headers;
using System.Net.Http.Json;
using MicroInternships.Web.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Polly.Timeout;

namespace MicroInternships.Web.Api;

/// <summary>
/// The site's one way to the platform: the gateway's public API, called with the signed-in person's token and on
/// behalf of the visitor's address.
/// Every creating call and action carries a fresh <c>Idempotency-Key</c>, so the HTTP client's retries never
/// do anything twice.
/// </summary>
public sealed class GatewayClient(HttpClient http, AuthenticationStateProvider authentication, Visitor visitor, ILogger<GatewayClient> logger)
{
    public const string HttpClientName = "gateway";

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, body: null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body ?? new { }, cancellationToken);

    /// <summary>
    /// Replaces a resource, but only as of <paramref name="readVersion"/>: if someone changed it since, the answer is 412
    /// <c>version_mismatch</c> and nothing is overwritten.
    /// </summary>
    public Task<ApiResult<T>> PutAsync<T>(string path, object body, long readVersion, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, cancellationToken, readVersion);

    /// <summary>A call answered with no content (204), such as linking a listing into a course.</summary>
    public Task<ApiResult<bool>> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(method, path, body: null, cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, long? readVersion = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.ForwardFor(visitor.Address);
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.AccessTokenOf() is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (method != HttpMethod.Get)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        if (readVersion is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ApiResult<T>.Failure(await ApiProblem.ReadAsync(response, cancellationToken));
            }

            if (typeof(T) == typeof(bool))
            {
                return ApiResult<T>.Success((T)(object)true);
            }

            var value = await response.Content.ReadFromJsonAsync<T>(cancellationToken);
            return value is null ? ApiResult<T>.Failure(ApiProblem.Unreachable) : ApiResult<T>.Success(value);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "The gateway could not be reached for {Method} {Path}", method, path);
            return ApiResult<T>.Failure(ApiProblem.Unreachable);
        }
        catch (Exception exception) when (exception is TaskCanceledException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            // The resilience handler's total timeout throws its own exception, not a cancellation: both mean no answer.
            logger.LogWarning("The gateway did not answer {Method} {Path} in time", method, path);
            return ApiResult<T>.Failure(ApiProblem.NoAnswer);
        }
    }
}
