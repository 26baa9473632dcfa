using Microsoft.Extensions.Configuration;
using MicroInternships.Hosting;

namespace MicroInternships.AppHost.Infrastructure;

public static class InfrastructureExtensions
{
    public static InfrastructureResources AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(InfrastructureOptions.SectionName).Get<InfrastructureOptions>() ?? new();
        var credentials = new InfrastructureCredentials(
            builder.AddParameter("postgres-password", secret: true),
            builder.AddParameter("rabbitmq-user"),
            builder.AddParameter("rabbitmq-password", secret: true));

        var useContainers = options.Mode switch
        {
            InfrastructureMode.Containers => true,
            InfrastructureMode.Local => false,
            _ => ContainerRuntime.IsAvailable(),
        };
        return useContainers
            ? builder.AddContainerInfrastructure(credentials)
            : builder.AddLocalInfrastructure(credentials, options);
    }

    private static InfrastructureResources AddContainerInfrastructure(this IDistributedApplicationBuilder builder, InfrastructureCredentials credentials)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres, password: credentials.PostgresPassword)
            .WithDataVolume();
        var rabbitMq = builder.AddRabbitMQ(ResourceNames.Messaging, credentials.RabbitMqUser, credentials.RabbitMqPassword)
            .WithDataVolume()
            .WithManagementPlugin();
        return new InfrastructureResources(postgres, rabbitMq, rabbitMq, name => postgres.AddDatabase(name));
    }
}

internal sealed record InfrastructureCredentials(
    IResourceBuilder<ParameterResource> PostgresPassword,
    IResourceBuilder<ParameterResource> RabbitMqUser,
    IResourceBuilder<ParameterResource> RabbitMqPassword);
