using System.Net.Http.Headers;
using MassTransit;
using MicroInternships.Messaging.Replay;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MicroInternships.Testing;

/// <summary>
/// Hosts one service in memory against its own fresh database on the test PostgreSQL server and the
/// test RabbitMQ node; the database is dropped with the fixture.
/// </summary>
public class ServiceFactory<TProgram>(string databaseConnectionName) : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    /// <summary>The service's name as its API document is named in api/ (<c>listings</c> for MicroInternships.Listings).</summary>
    public static string ServiceName { get; } = typeof(TProgram).Assembly.GetName().Name!.Split('.').Last().ToLowerInvariant();

    public PostgresDatabase Database { get; } = PostgresDatabase.Reserve(databaseConnectionName);

    /// <summary>Every refusal the service answered in this fixture's tests; checked against its API document when they end.</summary>
    public ObservedProblems Problems { get; } = new();

    public HttpClient CreateClientAs(string subject, string role, string? organization = null, string? name = null, string? email = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(subject, role, organization, name: name, email: email));
        return client;
    }

    /// <summary>
    /// Publishes through the test RabbitMQ as another service would, once the host's receive endpoints are bound (before
    /// that, a message published to the exchange reaches no queue).
    /// </summary>
    public async Task PublishAsync<T>(T message, Guid? messageId = null, bool replayed = false) where T : class
    {
        var bus = Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await bus.Publish(message, context =>
        {
            context.MessageId = messageId ?? NewId.NextGuid();
            if (replayed)
            {
                Replayed.Mark(context);
            }
        });
    }

    /// <summary>
    /// Publishes as <see cref="PublishAsync{T}"/> does and waits (20 s unless told) until the service's inbox holds the
    /// message for <paramref name="consumers"/> of its consumers: applied, or deliberately ignored, by then.
    /// </summary>
    public async Task PublishAndWaitAsync<T>(T message, TimeSpan? timeout = null, int consumers = 1, bool replayed = false) where T : class
    {
        var messageId = NewId.NextGuid();
        await PublishAsync(message, messageId, replayed);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (await Database.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'") < consumers)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{typeof(T).Name} was never consumed by {consumers} consumer(s).");
            await Task.Delay(50);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{databaseConnectionName}", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", TestInfrastructure.Messaging);
        builder.UseSetting("Identity:DevelopmentSigningKey", TestInfrastructure.SigningKey);
        builder.UseSetting("SampleData:Enabled", "false");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ProblemRecording(Problems)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        Problems.AssertDeclaredIn(DeclaredProblems.For(ServiceName));
    }
}
