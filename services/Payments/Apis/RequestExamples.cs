namespace MicroInternships.Payments.Apis;

/// <summary>The request bodies the API description shows: a coordinator opening a fund, topping it up and funding a payout on hold.</summary>
internal static class PaymentsRequestExamples
{
    public static readonly object[] All =
    [
        new FundRequest("Spring 2027 employer match", 2_500_000, "USD"),
        new AdjustmentRequest(500_000, "The dean's office added a top-up for the spring term."),
        new FundPayoutRequest(Guid.Parse("0193b6a0-0000-7000-8000-0000000000f0")),
    ];
}
