using MicroInternships.AppHost.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroInternships.AppHost;

internal static class ServiceResources
{
    public const string DefaultGatewayPort = "5080";
    public const string DefaultWebPort = "5070";

    /// <summary>A service with its own database and the broker, ready only when its <c>/health</c> says so.</summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        string databaseName,
        InfrastructureResources infrastructure,
        IResourceBuilder<ParameterResource> signingKey) where TProject : IProjectMetadata, new()
    {
        var database = infrastructure.AddDatabase(databaseName);
        return builder.AddProject<TProject>(name)
            .WithReplicas(Replicas(builder, "Services"))
            .WithReference(database)
            .WithReference(infrastructure.Messaging)
            .WaitFor(infrastructure.DatabaseServer)
            .WaitFor(database)
            .WaitForStart(infrastructure.Broker)
            .WithEnvironment("Identity__DevelopmentSigningKey", signingKey)
            .WithHttpHealthCheck("/health");
    }

    /// <summary>The one public entry point, on a fixed port (<c>Gateway:Port</c>, 5080 by default) that the README names.</summary>
    public static IResourceBuilder<ProjectResource> AddGateway(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<ParameterResource> signingKey,
        params IResourceBuilder<ProjectResource>[] services)
    {
        var port = int.Parse(builder.Configuration["Gateway:Port"] ?? DefaultGatewayPort, System.Globalization.CultureInfo.InvariantCulture);
        var gateway = builder.AddProject<Projects.Gateway>(MicroInternships.Hosting.ResourceNames.Gateway)
            .WithReplicas(Replicas(builder, "Gateway"))
            .WithEndpoint("http", endpoint => endpoint.Port = port)
            .WithExternalHttpEndpoints()
            .WithEnvironment("Identity__DevelopmentSigningKey", signingKey)
            .WithHttpHealthCheck("/health");
        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }

        return gateway;
    }

    /// <summary>
    /// <c>{section}:Replicas</c> (1 by default): processes of the project behind one address, which Aspire's proxy
    /// spreads connections over. The website stays single: its circuits and sign-in keys live in its process.
    /// </summary>
    private static int Replicas(IDistributedApplicationBuilder builder, string section) =>
        int.TryParse(builder.Configuration[$"{section}:Replicas"], System.Globalization.CultureInfo.InvariantCulture, out var replicas) && replicas > 1 ? replicas : 1;

    /// <summary>The program's website, on a fixed port (<c>Web:Port</c>, 5070 by default); it talks to the gateway only.</summary>
    public static IResourceBuilder<ProjectResource> AddWebsite(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway)
    {
        var port = int.Parse(builder.Configuration["Web:Port"] ?? DefaultWebPort, System.Globalization.CultureInfo.InvariantCulture);
        var website = builder.AddProject<Projects.Web>(MicroInternships.Hosting.ResourceNames.Web)
            .WithEndpoint("http", endpoint => endpoint.Port = port)
            .WithExternalHttpEndpoints()
            .WithReference(gateway)
            .WaitFor(gateway)
            .WithHttpHealthCheck("/health");

        builder.Eventing.Subscribe<ResourceReadyEvent>(website.Resource, (ready, _) =>
        {
            var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MicroInternships.AppHost");
            logger.LogInformation("The system is ready: website at {WebsiteUrl}, gateway at {GatewayUrl}",
                website.GetEndpoint("http").Url, gateway.GetEndpoint("http").Url);
            return Task.CompletedTask;
        });
        return website;
    }
}
