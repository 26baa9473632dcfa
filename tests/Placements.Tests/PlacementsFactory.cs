using MicroInternships.Hosting;
using MicroInternships.Testing;

namespace MicroInternships.Placements.Tests;

/// <summary>
/// One Placements host for the whole test assembly: its consumers own the service's queues on the test broker, so
/// a second host would compete for the messages a test publishes.
/// </summary>
public sealed class PlacementsFactory() : ServiceFactory<Program>(ResourceNames.PlacementsDb);

[CollectionDefinition(Name)]
public sealed class PlacementsCollection : ICollectionFixture<PlacementsFactory>
{
    public const string Name = "Placements service";
}
