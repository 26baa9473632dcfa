namespace MicroInternships.Events.Tests;

[Collection(EventsCollection.Name)]
public sealed class EventsFoundationTests(EventsFactory factory) : ServiceFoundationTests<Program>(factory);
