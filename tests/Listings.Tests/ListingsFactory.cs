using MicroInternships.Hosting;
using MicroInternships.Testing;

namespace MicroInternships.Listings.Tests;

public sealed class ListingsFactory() : ServiceFactory<Program>(ResourceNames.ListingsDb);
