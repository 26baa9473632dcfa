using MassTransit;
using MicroInternships.Testing;

namespace MicroInternships.Messaging.Tests.Support;

/// <summary>Each test gets its own database and run id; hosts started for it share both.</summary>
public abstract class MessagingTest : IAsyncLifetime
{
    protected PostgresDatabase Database { get; } = PostgresDatabase.Reserve("messaging");

    protected string RunId { get; } = Guid.NewGuid().ToString("N");

    protected string ServiceName => $"msgtest-{RunId[..8]}";

    protected Task<MessagingHost> StartHostAsync(
        bool withConsumers = true, string? brokerUri = null, IDictionary<string, string?>? settings = null, Func<BusHealthResult, bool>? ready = null,
        bool subscribes = false) =>
        MessagingHost.StartAsync(Database, RunId, ServiceName, withConsumers, brokerUri, settings, ready, subscribes);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
