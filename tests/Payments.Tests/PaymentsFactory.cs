using MicroInternships.Hosting;
using MicroInternships.Testing;

namespace MicroInternships.Payments.Tests;

public sealed class PaymentsFactory() : ServiceFactory<Program>(ResourceNames.PaymentsDb);
