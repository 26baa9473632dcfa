using Aspire.Hosting;
using MicroInternships.EndToEnd.Tests.Reliability;
using MicroInternships.EndToEnd.Tests.Telemetry;
using MicroInternships.Testing;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// What an end-to-end test gets: the one <see cref="StartedSystem"/> of the run. Every collection that uses it shares
/// it, so the system starts once (with two replicas of everything, over a minute of a two-core machine); the
/// collection that breaks it runs last (<see cref="BreakingCollectionLast"/>), and the last collection to finish stops it.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim _starting = new(1, 1);
    private static StartedSystem? _shared;
    private static int _finished;
    private StartedSystem _system = null!;

    /// <summary>How many collections of this run use the system; the collection orderer counts them (1 if it did not).</summary>
    public static int Users { get; set; } = 1;

    public static int Replicas => StartedSystem.Replicas;

    public HttpClient Gateway => _system.Gateway;

    public ObservedProblems Problems => _system.Problems;

    public HttpClient PaymentPartner => _system.PaymentPartner;

    public OtlpCollector Telemetry => _system.Telemetry;

    public Uri Website => _system.Website;

    public string DataDirectory => _system.DataDirectory;

    public DistributedApplication App => _system.App;

    public Smtp4devInbox MailInbox() => _system.MailInbox();

    public HttpClient CreateGatewayClient() => _system.CreateGatewayClient();

    public Task AssertEveryResourceHealthyAsync() => _system.AssertEveryResourceHealthyAsync();

    public async Task InitializeAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var system = new StartedSystem();
                await system.StartAsync();
                _shared = system;
            }

            _system = _shared;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (Interlocked.Increment(ref _finished) >= Users && Interlocked.Exchange(ref _shared, null) is { } system)
        {
            await system.StopAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "whole system";
}
