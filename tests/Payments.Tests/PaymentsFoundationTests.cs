using MicroInternships.Testing;

namespace MicroInternships.Payments.Tests;

public sealed class PaymentsFoundationTests(PaymentsFactory factory) : ServiceFoundationTests<Program>(factory), IClassFixture<PaymentsFactory>;
