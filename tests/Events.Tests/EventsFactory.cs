using MicroInternships.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Events.Tests;

/// <summary>One Events host for the test assembly, whose clock a test may stop at an exact instant.</summary>
public sealed class EventsFactory() : ServiceFactory<Program>(ResourceNames.EventsDb)
{
    public StoppableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// The system clock, except that "now" can be pinned to an instant; timers stay real, so the host's background
/// work (health probes, the outbox relay) runs as usual.
/// </summary>
public sealed class StoppableClock : TimeProvider
{
    private DateTimeOffset? _pinned;

    public void PinAt(DateTimeOffset instant) => _pinned = instant;

    public void Release() => _pinned = null;

    public override DateTimeOffset GetUtcNow() => _pinned ?? base.GetUtcNow();
}

[CollectionDefinition(Name)]
public sealed class EventsCollection : ICollectionFixture<EventsFactory>
{
    public const string Name = "Events service";
}
