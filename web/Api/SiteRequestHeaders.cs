using MicroInternships.Web.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace MicroInternships.Web.Api;

/// <summary>
/// What the site adds to every call the generated clients make: the signed-in person's token (none for a visitor), the
/// visitor's address, and on every write a fresh <c>Idempotency-Key</c>. Kiota asks its authentication provider once per
/// call, before the HTTP client's retries, so a retried write repeats the same key and is never done twice.
/// </summary>
internal sealed class SiteRequestHeaders(AuthenticationStateProvider authentication, Visitor visitor) : IAuthenticationProvider
{
    public async Task AuthenticateRequestAsync(
        RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.AccessTokenOf() is { } token)
        {
            request.Headers.Add("Authorization", $"Bearer {token}");
        }

        if (visitor.Address is { } address)
        {
            request.Headers.Add(VisitorForwarding.HeaderName, address.ToString());
        }

        if (request.HttpMethod != Method.GET)
        {
            request.Headers.TryAdd("Idempotency-Key", Guid.NewGuid().ToString());
        }
    }
}
