using MicroInternships.Testing;

namespace MicroInternships.Listings.Tests;

[Collection(ListingsCollection.Name)]
public sealed class ListingsFoundationTests(ListingsFactory factory) : ServiceFoundationTests<Program>(factory);
