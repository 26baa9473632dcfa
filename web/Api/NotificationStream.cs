using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MicroInternships.Clients.Notifications.Models;
using MicroInternships.Web.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Kiota.Serialization.Json;

namespace MicroInternships.Web.Api;

/// <summary>
/// The signed-in person's new notifications as they are created, read from the gateway's Server-Sent Events stream,
/// which the generated client cannot read. Its HTTP client has no resilience handlers and no timeout, since the
/// stream stays open as long as the page. A dropped connection is opened again after a pause, resuming after the last
/// event received; one the gateway cannot open is tried again less and less often; one it refuses (401, 403) is given
/// up. Only the cancellation that ends the reading escapes as an exception.
/// </summary>
public sealed class NotificationStream(HttpClient http, AuthenticationStateProvider authentication, Visitor visitor, ILogger<NotificationStream> logger)
{
    public const string HttpClientName = "notification-stream";

    public const string Path = "/api/notifications/stream";

    private const string EventType = "notification";

    private static readonly TimeSpan _longestPause = TimeSpan.FromMinutes(1);

    /// <summary>The pause before opening the stream again; it doubles, up to a minute, while the stream cannot be opened.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(3);

    public async IAsyncEnumerable<NotificationDto> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? lastEventId = null;
        var failures = 0;
        while (true)
        {
            var (connection, refused) = await OpenAsync(lastEventId, cancellationToken);
            if (refused)
            {
                yield break;
            }

            if (connection is null)
            {
                failures++;
            }
            else
            {
                failures = 0;
                // A new connection starts with no half-read event; only the id of the last whole one carries over.
                var events = SseParser.Create(connection.Body);
                using (connection)
                {
                    await using var received = events.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                    while (await NextAsync(received, cancellationToken))
                    {
                        if (received.Current.EventType == EventType && Read(received.Current.Data) is { } notification)
                        {
                            yield return notification;
                        }
                    }
                }

                lastEventId = events.LastEventId is { Length: > 0 } id ? id : lastEventId;
            }

            await Task.Delay(PauseAfter(failures), cancellationToken);
        }
    }

    private async Task<(Connection? Connection, bool Refused)> OpenAsync(string? lastEventId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.AccessTokenOf() is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.ForwardFor(visitor.Address);
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                logger.LogInformation("The notification stream was refused with {Status}; it is not opened again", (int)response.StatusCode);
                response.Dispose();
                return (null, true);
            }

            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            {
                logger.LogWarning("The notification stream could not be opened: the gateway answered {Status}", (int)response.StatusCode);
                response.Dispose();
                return (null, false);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return (new Connection(response, body), false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            response?.Dispose();
            logger.LogWarning(exception, "The notification stream could not be opened");
            return (null, false);
        }
    }

    /// <summary>The next event, or none once the connection ends or drops.</summary>
    private async Task<bool> NextAsync(IAsyncEnumerator<SseItem<string>> events, CancellationToken cancellationToken)
    {
        try
        {
            return await events.MoveNextAsync();
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation(exception, "The notification stream dropped");
            }

            return false;
        }
    }

    private NotificationDto? Read(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            return new JsonParseNode(document.RootElement).GetObjectValue(NotificationDto.CreateFromDiscriminatorValue);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            logger.LogWarning(exception, "A notification event could not be read");
            return null;
        }
    }

    private TimeSpan PauseAfter(int failures)
    {
        var pause = ReconnectDelay * Math.Pow(2, Math.Max(0, Math.Min(failures, 6) - 1));
        return pause < _longestPause ? pause : _longestPause;
    }

    private sealed class Connection(HttpResponseMessage response, Stream body) : IDisposable
    {
        public Stream Body => body;

        public void Dispose()
        {
            body.Dispose();
            response.Dispose();
        }
    }
}
