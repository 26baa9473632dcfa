using MicroInternships.Hosting;
using MicroInternships.Testing;

namespace MicroInternships.Events.Tests;

public sealed class EventsFactory() : ServiceFactory<Program>(ResourceNames.EventsDb);
