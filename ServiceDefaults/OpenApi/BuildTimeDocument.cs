using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MicroInternships.ServiceDefaults.OpenApi;

/// <summary>
/// The build runs each service's <c>Program</c> to write its OpenAPI document into <c>api/</c>
/// (Microsoft.Extensions.ApiDescription.Server's <c>GetDocument.Insider</c>): the app starts on a server that takes no
/// requests, in an environment the build cannot name. Then it reads the Development settings (which hold no secret),
/// what the AppHost would give it gets placeholders, and no background work (migrations, the bus, the jobs) starts to
/// use them: only the web host, which maps the endpoints the document lists. The API is the same in every environment.
/// </summary>
public static class BuildTimeDocument
{
    public static bool IsBeingWritten { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static void WriteWithoutDependencies(IHostApplicationBuilder builder)
    {
        if (!IsBeingWritten)
        {
            return;
        }

        builder.Environment.EnvironmentName = Environments.Development;
        builder.Configuration.AddJsonFile("appsettings.Development.json", optional: true);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:Authority"] = "https://identity.invalid/",
            ["ConnectionStrings:messaging"] = "amqp://broker.invalid:5672",
            ["Aspire:Npgsql:EntityFrameworkCore:PostgreSQL:ConnectionString"] = "Host=database.invalid",
        });
        builder.ConfigureContainer(new WithoutBackgroundWork());
    }

    private sealed class WithoutBackgroundWork : IServiceProviderFactory<IServiceCollection>
    {
        private readonly DefaultServiceProviderFactory _default = new();

        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            var background = services
                .Where(service => service.ServiceType == typeof(IHostedService) && service.ImplementationType?.Name != "GenericWebHostService")
                .ToList();
            foreach (var service in background)
            {
                services.Remove(service);
            }

            return _default.CreateBuilder(services);
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => _default.CreateServiceProvider(containerBuilder);
    }
}
