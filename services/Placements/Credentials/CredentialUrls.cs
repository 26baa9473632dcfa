namespace MicroInternships.Placements.Credentials;

/// <summary>Where credentials, their status lists and the program's keys are found: the gateway's public address.</summary>
public sealed class CredentialUrls(Uri publicBase)
{
    public Uri Credential(string credentialId) => new(publicBase, $"api/credentials/{credentialId}");

    public Uri StatusList(int list) => new(publicBase, $"api/credentials/status/{list}");

    public Uri Keys => new(publicBase, ".well-known/jwks.json");

    public Uri Portfolio(string slug) => new(publicBase, $"api/portfolios/{slug}");
}
