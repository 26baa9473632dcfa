using MicroInternships.Payments.Data;

namespace MicroInternships.Payments.Tests;

[Collection(PaymentsCollection.Name)]
public sealed class PaymentsFoundationTests(PaymentsFactory factory) : ServiceFoundationTests<PaymentsDbContext>(factory);
