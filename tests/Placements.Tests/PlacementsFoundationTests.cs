using MicroInternships.Testing;

namespace MicroInternships.Placements.Tests;

public sealed class PlacementsFoundationTests(PlacementsFactory factory) : ServiceFoundationTests<Program>(factory), IClassFixture<PlacementsFactory>;
