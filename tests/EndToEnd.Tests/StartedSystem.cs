using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MicroInternships.AppHost.Health;
using MicroInternships.EndToEnd.Tests.Telemetry;
using MicroInternships.Hosting;
using MicroInternships.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// The whole system, started the way <c>./run.sh</c> starts it (the AppHost,
/// which picks containers or the local PostgreSQL and RabbitMQ binaries), with its data in a fresh folder
/// and the gateway on a free port. Tests talk to the gateway only. Every process exports its telemetry over OTLP
/// to <see cref="Telemetry"/>, through the standard <c>OTEL_*</c> variables. Tests reach it through <see cref="SystemFixture"/>.
/// </summary>
public sealed class StartedSystem
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromMinutes(4);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"micro-internships-e2e-{Guid.NewGuid():N}"[..40]);
    private DistributedApplication? _app;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>Every refusal the gateway answered the tests' clients; checked against the API documents when the system stops.</summary>
    public ObservedProblems Problems { get; } = new();

    /// <summary>The payment-partner simulator's own address, for its admin endpoints (what it received and delivered).</summary>
    public HttpClient PaymentPartner { get; private set; } = null!;

    public OtlpCollector Telemetry { get; private set; } = null!;

    /// <summary>The inbox of the AppHost's mail server (smtp4dev), where every email the system sends lands.</summary>
    public Smtp4devInbox MailInbox() => new(_app!.GetEndpoint(ResourceNames.MailServer, "http"));

    /// <summary>The website's address, for the browser tests.</summary>
    public Uri Website { get; private set; } = null!;

    /// <summary>The system's data folder, where Development keeps what it made on first start (the credential signing key).</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>Processes per service and of the gateway: <c>E2E_REPLICAS</c>, 1 unless set (docs/deployment.md, scale-out).</summary>
    public static int Replicas => int.TryParse(Environment.GetEnvironmentVariable("E2E_REPLICAS"), out var replicas) && replicas > 1 ? replicas : 1;

    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(_startTimeout);
        Telemetry = await OtlpCollector.StartAsync();
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                "--environment=Development",
                $"--Infrastructure:DataDirectory={_dataDirectory}",
                "--Infrastructure:RabbitMqManagementPort=",
                $"--Gateway:Port={FreeTcpPort()}",
                $"--Web:Port={FreeTcpPort()}",
                $"--Services:Replicas={Replicas}",
                $"--Gateway:Replicas={Replicas}",
            ],
            timeout.Token);
        foreach (var project in appHost.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(ExportTelemetryToCollector));
        }

        _app = await appHost.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);
        Gateway = CreateGatewayClient();
        await _app.WaitUntilWholeAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.PaymentPartner, timeout.Token);
        PaymentPartner = _app.CreateHttpClient(ResourceNames.PaymentPartner);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Web, timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.MailServer, timeout.Token);
        Website = _app.GetEndpoint(ResourceNames.Web, "http");
    }

    /// <summary>A client of the gateway whose refusals are recorded in <see cref="Problems"/>; each test's own headers stay its own.</summary>
    public HttpClient CreateGatewayClient() =>
        new(new ProblemRecordingHandler(Problems)) { BaseAddress = _app!.GetEndpoint(ResourceNames.Gateway, "http") };

    /// <summary>The running system, for tests that break parts of it (<see cref="Reliability.SystemFaults"/>).</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    /// <summary>Fails unless every resource of the system reports itself healthy, within a short grace period.</summary>
    public async Task AssertEveryResourceHealthyAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var resource in _app!.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<IResourceWithEndpoints>())
        {
            // Aspire's own helpers (a project's hidden rebuilder) never start; the system's parts are those shown.
            if (_app.ResourceNotifications.TryGetCurrentState(resource.Name, out var current) && !current.Snapshot.IsHidden)
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
            }
        }
    }

    public async Task StopAsync()
    {
        Gateway?.Dispose();
        PaymentPartner?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        Problems.AssertDeclaredIn(DeclaredProblems.For("listings", "placements", "payments", "events", "notifications", "insights"));
    }

    private void ExportTelemetryToCollector(EnvironmentCallbackContext context)
    {
        context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint.ToString().TrimEnd('/');
        context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_HEADERS");
        context.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        context.EnvironmentVariables["OTEL_TRACES_SAMPLER"] = "always_on";

        // The time rules run every second, so a test that moves a deadline into the past sees them act promptly.
        context.EnvironmentVariables["Placements__Clock__SweepInterval"] = "00:00:01";

        // The fuzzers post thousands of unsubscribe links from one address; the per-address limit is the gateway tests' to prove.
        context.EnvironmentVariables["Gateway__RateLimits__signed-links__PermitLimit"] = "1000000";
        context.EnvironmentVariables["Gateway__RateLimits__credentials__PermitLimit"] = "1000000";
        context.EnvironmentVariables["Gateway__RateLimits__public__PermitLimit"] = "1000000";
        context.EnvironmentVariables["Gateway__RateLimits__partner-interest__PermitLimit"] = "1000000";

        // Email tried again within seconds, so a test that stops the mail server sees it delivered soon after it is back.
        context.EnvironmentVariables["Email__PollInterval"] = "00:00:01";
        context.EnvironmentVariables["Email__FirstRetryDelay"] = "00:00:01";
        context.EnvironmentVariables["Email__MaxRetryDelay"] = "00:00:02";
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
