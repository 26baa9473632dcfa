namespace MicroInternships.Placements.Tests;

[Collection(PlacementsCollection.Name)]
public sealed class PlacementsFoundationTests(PlacementsFactory factory) : ServiceFoundationTests<Program>(factory);
