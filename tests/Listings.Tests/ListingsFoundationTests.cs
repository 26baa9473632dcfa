using MicroInternships.Testing;

namespace MicroInternships.Listings.Tests;

public sealed class ListingsFoundationTests(ListingsFactory factory) : ServiceFoundationTests<Program>(factory), IClassFixture<ListingsFactory>;
