using System.Net;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Payments.Tests;

/// <summary>
/// A fund's books when a funded placement is cancelled: a cancellation alone leaves the reservation as it was, the
/// final settlement keeps reserved what it pays and releases the rest, the payout spends it. In every order the
/// three events can arrive.
/// </summary>
[Collection(PaymentsCollection.Name)]
public sealed class SettlementFundingTests(PaymentsFactory factory)
{
    private const long Budget = 100_000;
    private const long Amount = 60_000;

    private readonly PaymentsScenario _scenario = new(factory);

    public static TheoryData<long> Payables => [0, 20_000, Amount];

    [Theory]
    [MemberData(nameof(Payables))]
    public async Task TheFundsBooks_AreRightInEveryOrderTheEventsArrive(long payable)
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.050" });
        string[] events = ["started", "cancelled", "settled"];
        var orders = events.SelectMany(a => events.SelectMany(b => events.Select(c => new[] { a, b, c })))
            .Where(order => order.Distinct().Count() == 3)
            .ToList();

        await Task.WhenAll(orders.Select(order => RunAsync(order, payable)));
    }

    private async Task RunAsync(string[] order, long payable)
    {
        var fund = (await _scenario.FundAsync(Budget)).GetProperty("id").GetGuid();
        var placement = _scenario.Placement(Amount, fund);
        var cancelled = placement with { Version = 2, Status = "cancelled", Settlement = "pending", ProposedPayableCents = payable };
        foreach (var step in order)
        {
            switch (step)
            {
                case "started":
                    await _scenario.PublishAndWaitAsync(new PlacementStarted(placement, DateTimeOffset.UtcNow));
                    break;
                case "cancelled":
                    // Payments does not follow cancellations; if the start came first, the reservation stays whole.
                    await _scenario.PublishAsync(new PlacementCancelled(cancelled, DateTimeOffset.UtcNow));
                    if (order[0] == "started" && order[2] == "settled")
                    {
                        await Task.Delay(200);
                        await _scenario.WaitForFundAsync(fund, reserved: Amount);
                    }

                    break;
                default:
                    await _scenario.PublishAndWaitAsync(PaymentsScenario.Settled(placement, payable));
                    break;
            }
        }

        if (payable > 0)
        {
            var paid = await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("paid"));
            Assert.Equal(payable, paid.GetProperty("amountCents").GetInt64());
        }
        else
        {
            Assert.Equal(0, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM payouts WHERE placement_id = '{placement.PlacementId}'"));
        }

        await _scenario.WaitForFundAsync(fund, reserved: 0, spent: payable);
        using var response = await _scenario.Coordinator.GetAsync($"/api/funds/{fund}");
        var books = await response.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(Budget, books.GetProperty("budgetCents").GetInt64());
        Assert.Equal(Budget - payable, books.GetProperty("availableCents").GetInt64());
        Assert.Equal(
            books.GetProperty("budgetCents").GetInt64(),
            books.GetProperty("availableCents").GetInt64() + books.GetProperty("reservedCents").GetInt64() + books.GetProperty("spentCents").GetInt64());
    }
}
