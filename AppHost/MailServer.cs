using MicroInternships.AppHost.Infrastructure;
using MicroInternships.Hosting;
using Microsoft.Extensions.Configuration;

namespace MicroInternships.AppHost;

/// <summary>
/// smtp4dev, the tool manifest's SMTP server, run by <c>scripts/serve-smtp4dev.sh</c>: every email the system sends in
/// development lands in its web inbox, linked on the dashboard, and the end-to-end tests read its API.
/// </summary>
internal static class MailServer
{
    public const string SmtpEndpoint = "smtp";
    public const string InboxEndpoint = "http";

    public static IResourceBuilder<ExecutableResource> AddMailServer(this IDistributedApplicationBuilder builder)
    {
        var scripts = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "scripts"));
        var options = builder.Configuration.GetSection(InfrastructureOptions.SectionName).Get<InfrastructureOptions>() ?? new();
        return builder.AddExecutable(ResourceNames.MailServer, Path.Combine(scripts, "serve-smtp4dev.sh"), scripts, Path.Combine(options.ResolveDataDirectory(), "smtp4dev"))
            .WithEndpoint(name: SmtpEndpoint, scheme: "tcp", env: "SMTP_PORT")
            .WithHttpEndpoint(name: InboxEndpoint, env: "HTTP_PORT")
            .WithUrlForEndpoint(InboxEndpoint, url => url.DisplayText = "Inbox (smtp4dev)")
            .WithHttpHealthCheck("/api/version", endpointName: InboxEndpoint);
    }

    /// <summary>
    /// The service's email goes to the mail server, with links to the website and the gateway. It does not wait for the
    /// server: email waits in its outbox while the server is away.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithEmailThrough(
        this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<ExecutableResource> mailServer,
        IResourceBuilder<ProjectResource> gateway,
        IResourceBuilder<ProjectResource> website)
    {
        var smtp = mailServer.GetEndpoint(SmtpEndpoint);
        return service
            .WithEnvironment("Smtp__Host", smtp.Property(EndpointProperty.Host))
            .WithEnvironment("Smtp__Port", smtp.Property(EndpointProperty.Port))
            .WithEnvironment("Smtp__Security", "None")
            .WithEnvironment("Email__WebsiteUrl", website.GetEndpoint("http"))
            .WithEnvironment("Email__ApiUrl", gateway.GetEndpoint("http"));
    }
}
