using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// Runs the collection whose tests kill processes and servers (<see cref="Reliability.BreakableSystemCollection"/>)
/// after every other, on the same system, and tells <see cref="SystemFixture"/> how many collections will use it.
/// </summary>
public sealed class BreakingCollectionLast : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var ordered = testCollections
            .OrderBy(collection => collection.DisplayName == Reliability.BreakableSystemCollection.Name)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal)
            .ToList();
        SystemFixture.Users = Math.Max(1, ordered.Count(UsesTheSystem));
        return ordered;
    }

    private static bool UsesTheSystem(ITestCollection collection) =>
        collection.CollectionDefinition?.ToRuntimeType() is { } definition
        && typeof(ICollectionFixture<SystemFixture>).IsAssignableFrom(definition);
}
