using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace MicroInternships.Clients;

/// <summary>
/// The services' generated clients over one <see cref="HttpClient"/> whose base address is the gateway, each
/// request carrying the caller's bearer token. Routes are the canonical <c>/api/...</c> ones (v1).
/// </summary>
public sealed class GatewayClients
{
    public GatewayClients(HttpClient gateway, Func<CancellationToken, Task<string>> accessToken)
        : this(gateway, new BaseBearerTokenAuthenticationProvider(new BearerToken(accessToken)))
    {
    }

    /// <summary>The clients over <paramref name="gateway"/>, each request decorated by <paramref name="credentials"/> before it is sent.</summary>
    public GatewayClients(HttpClient gateway, IAuthenticationProvider credentials)
    {
        ArgumentNullException.ThrowIfNull(gateway.BaseAddress);
        var adapter = new HttpClientRequestAdapter(credentials, httpClient: gateway)
        {
            BaseUrl = gateway.BaseAddress.GetLeftPart(UriPartial.Authority),
        };
        Listings = new Listings.ListingsClient(adapter);
        Placements = new Placements.PlacementsClient(adapter);
        Payments = new Payments.PaymentsClient(adapter);
        Events = new Events.EventsClient(adapter);
        Notifications = new Notifications.NotificationsClient(adapter);
        Insights = new Insights.InsightsClient(adapter);
    }

    public Listings.ListingsClient Listings { get; }

    public Placements.PlacementsClient Placements { get; }

    public Payments.PaymentsClient Payments { get; }

    public Events.EventsClient Events { get; }

    public Notifications.NotificationsClient Notifications { get; }

    public Insights.InsightsClient Insights { get; }

    /// <summary>The caller's token, sent only over HTTPS, or to this machine (a development gateway).</summary>
    private sealed class BearerToken(Func<CancellationToken, Task<string>> accessToken) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public async Task<string> GetAuthorizationTokenAsync(
            Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            {
                throw new InvalidOperationException($"A bearer token is sent over HTTPS only, not to {uri.GetLeftPart(UriPartial.Authority)}.");
            }

            return await accessToken(cancellationToken);
        }
    }
}
