using System.Net.Http.Json;

namespace MicroInternships.Gateway.DevelopmentTokens;

/// <summary>
/// In Development a partner's token makes its bearer a member of the organization it names, as accepting an
/// invitation would (Listings' <c>POST /dev/memberships</c>, which leaves an existing membership, even a removed one,
/// as it is). Listings being down costs the record, not the token: outside Listings an unknown member is let through
/// in Development anyway.
/// </summary>
public sealed class DevelopmentMemberships(HttpClient listings, ILogger<DevelopmentMemberships> logger)
{
    public const string HttpClientName = "listings-development";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public async Task EnsureAsync(string subject, string organization, string? email, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(organization, out var organizationId))
        {
            return;
        }

        try
        {
            using var response = await listings.PostAsJsonAsync("/dev/memberships", new { organizationId, sub = subject, email }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Listings did not record {Subject} as a member of {Organization}: {Status}", subject, organizationId, (int)response.StatusCode);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Listings could not be reached to record {Subject} as a member of {Organization}", subject, organizationId);
        }
    }
}
