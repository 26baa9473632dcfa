using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MicroInternships.AppHost.Health;
using MicroInternships.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroInternships.Journeys.Bench;

/// <summary>
/// The whole system as <c>./run.sh</c> starts it (the AppHost, its PostgreSQL and RabbitMQ), on a fresh data folder
/// and free ports, with the payment-partner simulator told to answer at once. Callers talk to the gateway only.
/// </summary>
internal sealed class RunningSystem : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly string _dataDirectory;
    private readonly SocketsHttpHandler _handler = new() { MaxConnectionsPerServer = 1_000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };

    private RunningSystem(DistributedApplication app, string dataDirectory, Uri gateway, string messagingUri)
    {
        (_app, _dataDirectory) = (app, dataDirectory);
        Gateway = gateway;
        MessagingUri = messagingUri;
    }

    public Uri Gateway { get; }

    /// <summary>The broker, as the services reach it.</summary>
    public string MessagingUri { get; }

    /// <summary>A service database's connection string, for what a benchmark writes or reads beside the API.</summary>
    public async Task<string> ConnectionStringAsync(string database) =>
        await _app.GetConnectionStringAsync(database) ?? throw new InvalidOperationException($"{database} has no connection string.");

    public static async Task<RunningSystem> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"bench-journeys-{Guid.NewGuid():N}"[..32]);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            "--environment=Development",
            $"--Infrastructure:DataDirectory={dataDirectory}",
            "--Infrastructure:RabbitMqManagementPort=",
            $"--Gateway:Port={FreeTcpPort()}",
            $"--Web:Port={FreeTcpPort()}",
        ]);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error)
            .AddFilter("AppHost.Resources", LogLevel.Critical)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        // Benchmarks measure the system, not the per-caller limit a student polling a placement every 5 ms would reach.
        builder.CreateResourceBuilder<ProjectResource>(ResourceNames.Gateway)
            .WithEnvironment("Gateway__RateLimits__api__PermitLimit", "100000000");
        var app = await builder.BuildAsync();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway);
        await app.WaitUntilWholeAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.PaymentPartner);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.MailServer);
        using var simulator = app.CreateHttpClient(ResourceNames.PaymentPartner);
        (await simulator.PutAsJsonAsync("/admin/behaviour", new { deliveryDelay = "00:00:00" })).EnsureSuccessStatusCode();
        var messaging = await app.GetConnectionStringAsync(ResourceNames.Messaging) ?? throw new InvalidOperationException("The broker has no connection string.");
        return new RunningSystem(app, dataDirectory, app.GetEndpoint(ResourceNames.Gateway, "http"), messaging);
    }

    /// <summary>A client of the gateway carrying a development token for these claims.</summary>
    public async Task<HttpClient> SignedInAsync(object claims)
    {
        var client = Client();
        using var response = await client.PostAsJsonAsync("/dev/token", claims);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client of one service directly (not through the gateway), carrying a development token for these claims.</summary>
    public async Task<HttpClient> ServiceSignedInAsync(string service, object claims)
    {
        using var gateway = await SignedInAsync(claims);
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = _app.GetEndpoint(service, "http"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = gateway.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>Stops every replica of a service, or starts them again and waits until they are healthy.</summary>
    public async Task SetRunningAsync(string service, bool running)
    {
        var resource = _app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == service);
        var commands = _app.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(resource, running ? KnownResourceCommands.StartCommand : KnownResourceCommands.StopCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Could not {(running ? "start" : "stop")} {service}: {result.Message}");
        }

        if (running)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service);
        }
    }

    /// <summary>What the payment partner received: distinct payout references, and all payouts (a repeat would show as more).</summary>
    public async Task<(int References, int Payouts)> PartnerPayoutsAsync()
    {
        using var simulator = _app.CreateHttpClient(ResourceNames.PaymentPartner);
        var payouts = await simulator.GetFromJsonAsync<JsonElement>("/admin/payouts");
        var references = payouts.EnumerateArray().Select(payout => payout.GetProperty("reference").GetString()).ToList();
        return (references.Distinct().Count(), references.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _handler.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private HttpClient Client() => new(_handler, disposeHandler: false) { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(60) };

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
