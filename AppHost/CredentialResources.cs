using MicroInternships.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace MicroInternships.AppHost;

internal static class CredentialResources
{
    /// <summary>
    /// Placements signs credentials with a development key made on its first start and kept in the data folder (so a
    /// restart, and every replica, signs with the same key), names the website as the issuer, and links credentials,
    /// status lists and records at the gateway.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithCredentials(
        this IResourceBuilder<ProjectResource> placements,
        IDistributedApplicationBuilder builder,
        IResourceBuilder<ProjectResource> gateway,
        IResourceBuilder<ProjectResource> website)
    {
        var options = builder.Configuration.GetSection(InfrastructureOptions.SectionName).Get<InfrastructureOptions>() ?? new();
        return placements
            .WithEnvironment("Placements__Credentials__DevelopmentKeyFile", Path.Combine(options.ResolveDataDirectory(), "credentials", "signing-key.pem"))
            .WithEnvironment("Placements__Credentials__Issuer__Url", website.GetEndpoint("http"))
            .WithEnvironment("Placements__Records__VerifyBaseUrl", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/"));
    }
}
