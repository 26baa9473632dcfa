using System.Net;
using MicroInternships.Contracts.Payments;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Payments.Tests;

/// <summary>Placements' events in through RabbitMQ, payouts out to the simulator, its signed webhooks back.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class PayoutFlowTests(PaymentsFactory factory)
{
    private readonly PaymentsScenario _scenario = new(factory);

    [Fact]
    public async Task ACompletedPlacement_IsPaidOnce_EvenWhenEveryWebhookArrivesTwice()
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.100", duplicateDeliveries = true });
        var placement = _scenario.Placement();

        await _scenario.PublishAsync(new PlacementCompleted(placement, false, DateTimeOffset.UtcNow));
        var paid = await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("paid"));
        await _scenario.SetSimulatorAsync(new { duplicateDeliveries = false });

        Assert.Equal(60_000, paid.GetProperty("amountCents").GetInt64());
        Assert.Single(await _scenario.SimulatorPayoutsAsync(paid.GetProperty("id").GetGuid()));
        Assert.Equal(1, await _scenario.OutboxCountAsync<PayoutPaid>(placement.PlacementId));
    }

    [Fact]
    public async Task ReplayedPlacementEvents_ReserveAndOpenNothing_WhileTheirLiveDeliveryDoes()
    {
        var fund = (await _scenario.FundAsync(budgetCents: 100_000)).GetProperty("id").GetGuid();
        var replayed = _scenario.Placement(60_000, fund);
        var (started, completed) = (Guid.NewGuid(), Guid.NewGuid());
        await _scenario.PublishAsync(new PlacementStarted(replayed, DateTimeOffset.UtcNow), started, replayed: true);
        await _scenario.PublishAsync(new PlacementCompleted(replayed, false, DateTimeOffset.UtcNow), completed, replayed: true);

        // Live events on the same queues, published after: once they are applied, the replayed ones were consumed.
        var marker = _scenario.Placement(10_000, fund);
        await _scenario.PublishAsync(new PlacementStarted(marker, DateTimeOffset.UtcNow));
        await _scenario.PublishAsync(new PlacementCompleted(marker, false, DateTimeOffset.UtcNow));
        await _scenario.PayoutOfAsync(marker.PlacementId);
        await CommittedAsync(fund, 10_000);
        Assert.Equal(0L, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM payouts WHERE placement_id = '{replayed.PlacementId}'"));

        await _scenario.PublishAsync(new PlacementStarted(replayed, DateTimeOffset.UtcNow), started);
        await _scenario.PublishAsync(new PlacementCompleted(replayed, false, DateTimeOffset.UtcNow), completed);
        await _scenario.PayoutOfAsync(replayed.PlacementId);
        await CommittedAsync(fund, 70_000);
    }

    /// <summary>Waits until the fund has reserved or spent <paramref name="cents"/> in all (a payout may be paid meanwhile).</summary>
    private Task CommittedAsync(Guid fund, long cents) => Testing.Eventually.HoldsAsync(
        async () => await _scenario.ScalarAsync<long>($"SELECT reserved_cents + spent_cents FROM funds WHERE id = '{fund}'") == cents, $"{cents} committed on the fund");

    [Fact]
    public async Task PlacementCompleted_ThreeTimesAtOnce_OpensOnePayout()
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.100" });
        var placement = _scenario.Placement();
        var completed = new PlacementCompleted(placement, false, DateTimeOffset.UtcNow);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _scenario.PublishAsync(completed)));
        var paid = await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("paid"));
        await Task.Delay(500);

        Assert.Equal(1, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM payouts WHERE placement_id = '{placement.PlacementId}'"));
        Assert.Single(await _scenario.SimulatorPayoutsAsync(paid.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task ASettlementWithSomethingPayable_IsPaidThatAmount_AndOneWithNothingOpensNoPayout()
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.100" });
        var partly = _scenario.Placement();
        var nothing = _scenario.Placement();

        await _scenario.PublishAsync(PaymentsScenario.Settled(nothing, 0));
        await _scenario.PublishAsync(PaymentsScenario.Settled(partly, 15_000));

        var paid = await _scenario.PayoutOfAsync(partly.PlacementId, PaymentsScenario.Status("paid"));
        Assert.Equal(15_000, paid.GetProperty("amountCents").GetInt64());
        Assert.Equal(0, await _scenario.ScalarAsync<long>($"SELECT count(*) FROM payouts WHERE placement_id = '{nothing.PlacementId}'"));
    }

    [Fact]
    public async Task TheSimulatorBusy_ThePayoutIsSentAgainWithTheSameKey_AndPaidOnce()
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.100", unavailableSubmissions = 4 });
        var placement = _scenario.Placement();

        await _scenario.PublishAsync(new PlacementCompleted(placement, false, DateTimeOffset.UtcNow));
        var paid = await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("paid"));

        var atPartner = Assert.Single(await _scenario.SimulatorPayoutsAsync(paid.GetProperty("id").GetGuid()));
        Assert.Equal($"{paid.GetProperty("id").GetGuid()}:1", atPartner.IdempotencyKey);
    }

    [Fact]
    public async Task ARecipientThePartnerRefuses_FailsThePayout_WithTheReason_AndPublishesPayoutFailed()
    {
        var placement = _scenario.Placement(studentId: "invalid-" + _scenario.StudentId());

        await _scenario.PublishAsync(new PlacementCompleted(placement, false, DateTimeOffset.UtcNow));
        var failed = await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("failed"));

        Assert.Equal("recipient_invalid", failed.GetProperty("failureReason").GetString());
        Assert.Equal(1, await _scenario.OutboxCountAsync<PayoutFailed>(placement.PlacementId));
    }

    [Fact]
    public async Task AnUnknownRecipient_FailsThroughTheWebhook_TellsTheStudentWhatToDo_AndACoordinatorRetries()
    {
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "00:00:00.100" });
        var student = "fail-" + _scenario.StudentId();
        var placement = _scenario.Placement(studentId: student);

        await _scenario.PublishAsync(new PlacementCompleted(placement, false, DateTimeOffset.UtcNow));
        var failed = await _scenario.PayoutOfAsync(placement.PlacementId, PaymentsScenario.Status("failed"));
        var id = failed.GetProperty("id").GetGuid();

        using var asStudent = await factory.CreateClientAs(student, "student").GetAsync($"/api/payouts/{id}");
        var seen = await asStudent.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("recipient_unknown", seen.GetProperty("failureReason").GetString());
        Assert.Contains("payment profile", seen.GetProperty("studentAction").GetString());

        // The second attempt fails the same way: its webhook is held back, so the attempt is still submitted when retried again.
        await _scenario.SetSimulatorAsync(new { deliveryDelay = "01:00:00" });
        using var retry = await _scenario.Coordinator.PostJsonAsync($"/api/payouts/{id}/retry");
        var retried = await retry.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2, retried.GetProperty("attempt").GetInt32());
        Assert.Equal("submitted", retried.GetProperty("status").GetString());
        var atPartner = await _scenario.SimulatorPayoutsAsync(id);
        Assert.Equal([$"{id}:1", $"{id}:2"], atPartner.Select(p => p.IdempotencyKey).Order());

        using var retryAgain = await _scenario.Coordinator.PostJsonAsync($"/api/payouts/{id}/retry");
        await retryAgain.ProblemAsync(HttpStatusCode.Conflict, "payout_not_failed");
    }
}
