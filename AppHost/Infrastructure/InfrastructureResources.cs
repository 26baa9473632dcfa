namespace MicroInternships.AppHost.Infrastructure;

/// <summary>The database server and broker the services need, however they are run.</summary>
public sealed record InfrastructureResources(
    IResourceBuilder<IResource> DatabaseServer,
    IResourceBuilder<IResource> Broker,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> AddDatabase);
