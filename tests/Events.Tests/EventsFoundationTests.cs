using MicroInternships.Testing;

namespace MicroInternships.Events.Tests;

public sealed class EventsFoundationTests(EventsFactory factory) : ServiceFoundationTests<Program>(factory), IClassFixture<EventsFactory>;
