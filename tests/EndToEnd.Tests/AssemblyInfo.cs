// Each collection starts a whole system of its own; two at once would starve this machine's two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
