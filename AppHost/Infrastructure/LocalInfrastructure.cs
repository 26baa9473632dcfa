using System.Security.Cryptography;
using System.Text;
using MicroInternships.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ from the locally installed binaries, run by the scripts in <c>scripts/</c>
/// as executables that Aspire starts, watches and stops with the AppHost.
/// </summary>
internal static class LocalInfrastructure
{
    private const string EndpointName = "tcp";

    public static InfrastructureResources AddLocalInfrastructure(
        this IDistributedApplicationBuilder builder, InfrastructureCredentials credentials, InfrastructureOptions options)
    {
        var scripts = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "scripts"));
        var dataDirectory = options.ResolveDataDirectory();

        var postgres = builder.AddExecutable(ResourceNames.Postgres, Path.Combine(scripts, "serve-postgres.sh"), scripts, Path.Combine(dataDirectory, "postgres"))
            .WithEndpoint(name: EndpointName, scheme: "tcp", env: "POSTGRES_PORT")
            .WithEnvironment("POSTGRES_PASSWORD", credentials.PostgresPassword)
            // Room for every service's pool (ServiceDatabaseExtensions: 20 each) with replicas, Notifications' listening connections, and the tools.
            .WithEnvironment("EXTRA_POSTGRES_OPTIONS", "-c max_connections=300")
            .WithHealthCheck("postgres-accepts-queries");
        var postgresEndpoint = postgres.GetEndpoint(EndpointName);
        ReferenceExpression PostgresConnection(string database) => ReferenceExpression.Create(
            $"Host={postgresEndpoint.Property(EndpointProperty.Host)};Port={postgresEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password={credentials.PostgresPassword};Database={database}");
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "postgres-accepts-queries", _ => new PostgresHealthCheck(PostgresConnection("postgres")), HealthStatus.Unhealthy, tags: null));

        var rabbitMq = builder.AddExecutable(ResourceNames.RabbitMqServer, Path.Combine(scripts, "serve-rabbitmq.sh"), scripts, Path.Combine(dataDirectory, "rabbitmq"))
            .WithEndpoint(name: EndpointName, scheme: "tcp", env: "RABBITMQ_PORT")
            .WithEndpoint(name: "distribution", scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEnvironment("RABBITMQ_NODENAME", NodeName(dataDirectory))
            .WithEnvironment("RABBITMQ_USER", credentials.RabbitMqUser)
            .WithEnvironment("RABBITMQ_PASSWORD", credentials.RabbitMqPassword)
            .WithHealthCheck("rabbitmq-accepts-connections");
        if (options.RabbitMqManagementPort is { } managementPort)
        {
            rabbitMq.WithHttpEndpoint(port: managementPort, targetPort: managementPort, name: "management", isProxied: false)
                .WithEnvironment("RABBITMQ_MANAGEMENT_PORT", managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var rabbitMqEndpoint = rabbitMq.GetEndpoint(EndpointName);
        var messaging = builder.AddConnectionString(ResourceNames.Messaging, ReferenceExpression.Create(
            $"amqp://{credentials.RabbitMqUser}:{credentials.RabbitMqPassword}@{rabbitMqEndpoint.Property(EndpointProperty.Host)}:{rabbitMqEndpoint.Property(EndpointProperty.Port)}"));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "rabbitmq-accepts-connections", _ => new RabbitMqHealthCheck(messaging.Resource.ConnectionStringExpression), HealthStatus.Unhealthy, tags: null));

        return new InfrastructureResources(postgres, rabbitMq, messaging, name => builder.AddConnectionString(name, PostgresConnection(name)));
    }

    /// <summary>A node name per data folder: stable across restarts (RabbitMQ keys its state by node), distinct between folders.</summary>
    private static string NodeName(string dataDirectory)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..8];
        return $"micro-internships-{hash}@localhost";
    }
}
