using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace MicroInternships.Testing;

/// <summary>
/// Hosts one service in memory against its own fresh database on the test PostgreSQL server and the
/// test RabbitMQ node; the database is dropped with the fixture.
/// </summary>
public class ServiceFactory<TProgram>(string databaseConnectionName) : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    public PostgresDatabase Database { get; } = PostgresDatabase.Reserve(databaseConnectionName);

    public HttpClient CreateClientAs(string subject, string role, string? organization = null, string? name = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(subject, role, organization, name: name));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{databaseConnectionName}", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", TestInfrastructure.Messaging);
        builder.UseSetting("Identity:DevelopmentSigningKey", TestInfrastructure.SigningKey);
        builder.UseSetting("SampleData:Enabled", "false");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
