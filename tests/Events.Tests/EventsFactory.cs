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

[CollectionDefinition(Name)]
public sealed class EventsCollection : ICollectionFixture<EventsFactory>
{
    public const string Name = "Events service";
}
