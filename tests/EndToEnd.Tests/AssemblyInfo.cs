// One collection at a time: they share one whole system (SystemFixture), and this machine has two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer("MicroInternships.EndToEnd.Tests.BreakingCollectionLast", "EndToEnd.Tests")]
