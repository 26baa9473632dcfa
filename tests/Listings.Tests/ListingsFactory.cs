using MicroInternships.Hosting;
using MicroInternships.Testing;

namespace MicroInternships.Listings.Tests;

/// <summary>
/// One Listings host for the whole test assembly: its consumers own the service's queues on the test broker, so a
/// second host would compete for the messages a test publishes.
/// </summary>
public sealed class ListingsFactory() : ServiceFactory<Program>(ResourceNames.ListingsDb);

[CollectionDefinition(Name)]
public sealed class ListingsCollection : ICollectionFixture<ListingsFactory>
{
    public const string Name = "Listings service";
}
