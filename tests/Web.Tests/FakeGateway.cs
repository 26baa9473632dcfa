using System.Net;
using System.Security.Claims;
using System.Text;
using MicroInternships.Web.Account;
using MicroInternships.Web.Api;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;

namespace MicroInternships.Web.Tests;

/// <summary>An in-memory gateway for unit tests: answers each request with the next canned response and keeps what it was sent.</summary>
public sealed class FakeGateway : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _answers = new();
    private readonly Dictionary<string, (HttpStatusCode Status, string Json)> _answersByPath = [];

    public List<(HttpRequestMessage Request, string? Body)> Received { get; } = [];

    public FakeGateway Answer(HttpStatusCode status, string json, string mediaType = "application/json")
    {
        _answers.Enqueue(_ => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) });
        return this;
    }

    /// <summary>Answers every GET of <paramref name="path"/> alike, whatever the order of calls made at once; other calls take the queued answers.</summary>
    public FakeGateway AnswerAt(string path, HttpStatusCode status, string json)
    {
        _answersByPath[path] = (status, json);
        return this;
    }

    public FakeGateway Fail(Exception exception)
    {
        _answers.Enqueue(_ => throw exception);
        return this;
    }

    public GatewayClient ClientFor(ClaimsPrincipal user, IPAddress? visitorAddress = null) =>
        new(new HttpClient(this) { BaseAddress = new Uri("http://gateway") }, new FixedAuthenticationState(user),
            new Visitor { Address = visitorAddress }, NullLogger<GatewayClient>.Instance);

    /// <summary>The notification stream over this gateway; its answers are the stream's connections, one each.</summary>
    public NotificationStream StreamFor(ClaimsPrincipal user, TimeSpan? reconnectDelay = null)
    {
        var stream = new NotificationStream(new HttpClient(this) { BaseAddress = new Uri("http://gateway") }, new FixedAuthenticationState(user),
            new Visitor(), NullLogger<NotificationStream>.Instance);
        if (reconnectDelay is { } delay)
        {
            stream.ReconnectDelay = delay;
        }

        return stream;
    }

    public static ClaimsPrincipal SignedIn(string role, string token = "token-1", string? organization = null) =>
        new(SiteClaims.Identity($"{role}-1", role, $"A {role}", null, organization, token, "test"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Received)
        {
            Received.Add((request, body));
        }

        if (request.Method == HttpMethod.Get && _answersByPath.TryGetValue(request.RequestUri!.AbsolutePath, out var fixedAnswer))
        {
            return new HttpResponseMessage(fixedAnswer.Status) { Content = new StringContent(fixedAnswer.Json, Encoding.UTF8, "application/json") };
        }

        return _answers.Count > 0 ? _answers.Dequeue()(request) : new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
