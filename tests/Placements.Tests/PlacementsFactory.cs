using MicroInternships.Hosting;
using MicroInternships.Testing;

namespace MicroInternships.Placements.Tests;

public sealed class PlacementsFactory() : ServiceFactory<Program>(ResourceNames.PlacementsDb);
