using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Placements;
using MicroInternships.PaymentPartnerSimulator;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Payments.Tests;

/// <summary>One test's world: placements reported the way Placements reports them (events through the test RabbitMQ) and callers.</summary>
public sealed class PaymentsScenario(PaymentsFactory factory)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public HttpClient Coordinator => factory.CreateClientAs("c-1", "coordinator");

    public HttpClient Partner => factory.CreateClientAs($"p-{_suffix}", "partner", Guid.NewGuid().ToString());

    public string StudentId(int n = 1) => $"s-{n}-{_suffix}";

    public HttpClient Student(int n = 1) => factory.CreateClientAs(StudentId(n), "student");

    public HttpClient Simulator => factory.Simulator.CreateClient();

    public HttpClient Webhooks => factory.CreateClient();

    public PlacementSnapshot Placement(long amountCents = 60_000, Guid? fundId = null, string? studentId = null) =>
        new(Guid.NewGuid(), 1, Guid.NewGuid(), studentId ?? StudentId(), "Test Student", Guid.NewGuid(), null, fundId, amountCents, "USD", 1, 1, "active", "none", null, null);

    /// <summary>The placement as <c>PlacementSettled</c> reports it: cancelled, its settlement final at <paramref name="payableCents"/>.</summary>
    public static PlacementSettled Settled(PlacementSnapshot placement, long payableCents, string settledBy = "partner") => new(
        placement with { Version = placement.Version + 2, Status = "cancelled", Settlement = "final", ProposedPayableCents = payableCents, PayableCents = payableCents },
        payableCents,
        settledBy,
        DateTimeOffset.UtcNow);

    public Task PublishAsync<T>(T message, Guid? messageId = null, bool replayed = false) where T : class => factory.PublishAsync(message, messageId, replayed);

    /// <summary>Publishes and waits until a consumer's inbox holds the message: it was applied (or deliberately ignored) by then.</summary>
    public Task PublishAndWaitAsync<T>(T message) where T : class => factory.PublishAndWaitAsync(message);

    public async Task<JsonElement> FundAsync(long budgetCents, string name = "Test grant")
    {
        using var response = await Coordinator.PostJsonAsync("/api/funds", new { name, budgetCents, currency = "USD" });
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    /// <summary>The placement's payout once it exists and <paramref name="condition"/> holds.</summary>
    public async Task<JsonElement> PayoutOfAsync(Guid placementId, Func<JsonElement, bool>? condition = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var id = await factory.Database.ScalarAsync<Guid?>($"SELECT id FROM payouts WHERE placement_id = '{placementId}'");
            if (id is not null)
            {
                using var response = await Coordinator.GetAsync($"/api/payouts/{id}");
                var payout = await response.ReadAsync(HttpStatusCode.OK);
                if (condition?.Invoke(payout) ?? true)
                {
                    return payout;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Payout of placement {placementId} never reached the expected state.");
            await Task.Delay(100);
        }
    }

    public static Func<JsonElement, bool> Status(string status) => p => p.GetProperty("status").GetString() == status;

    public async Task<IReadOnlyList<SimulatedPayout>> SimulatorPayoutsAsync(Guid payoutId) =>
        (await Simulator.GetFromJsonAsync<List<SimulatedPayout>>("/admin/payouts"))!.Where(p => p.Reference == payoutId.ToString()).ToList();

    public async Task SetSimulatorAsync(object change)
    {
        using var response = await Simulator.PutAsJsonAsync("/admin/behaviour", change);
        response.EnsureSuccessStatusCode();
    }

    public Task<long> OutboxCountAsync<TEvent>(Guid placementId) => factory.Database.ScalarAsync<long>(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(TEvent).FullName},%' AND payload->>'placementId' = '{placementId}'");

    public Task<T?> ScalarAsync<T>(string sql) => factory.Database.ScalarAsync<T>(sql);

    /// <summary>Every event in the outbox about one payout, as <c>PayoutOpened:1</c>, in the payout's version order.</summary>
    public Task<string[]> PayoutEventsAsync(Guid payoutId) =>
        factory.Database.OutboxSequenceAsync("payout", "payoutId", payoutId, label: "split_part(split_part(message_type, ',', 1), '.', -1)");

    /// <summary>Every <c>FundChanged</c> about one fund, as <c>reserved:2</c>, in the fund's version order.</summary>
    public Task<string[]> FundChangesAsync(Guid fundId) => factory.Database.OutboxSequenceAsync("fund", "fundId", fundId, label: "payload->>'change'");

    /// <summary>Waits until the fund's reserved and spent amounts are these.</summary>
    public async Task WaitForFundAsync(Guid fund, long reserved, long spent = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var row = await ScalarAsync<string>($"SELECT reserved_cents || '/' || spent_cents FROM funds WHERE id = '{fund}'");
            if (row == $"{reserved}/{spent}")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Fund at {row} (reserved/spent), expected {reserved}/{spent}");
            await Task.Delay(100);
        }
    }
}
