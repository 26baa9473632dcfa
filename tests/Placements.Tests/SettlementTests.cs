using System.Net;
using System.Text.Json;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Placements.Tests;

/// <summary>
/// What a cancelled placement pays: nothing a partner or a coordinator did not accept. The scenario's listing pays
/// 60,000 cents for 30 hours, so 12 hours logged propose 24,000.
/// </summary>
[Collection(PlacementsCollection.Name)]
public sealed class SettlementTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task AStudentsCancellation_WithHoursLogged_PaysNothingUntilThePartnerSettles()
    {
        var id = await CancelledByStudentAsync(hours: 12);
        var pending = await _scenario.GetPlacementAsync(id);
        Assert.Equal("pending", pending.GetProperty("settlement").GetString());
        Assert.Equal(24_000, pending.GetProperty("proposedPayableCents").GetInt64());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("payableCents").ValueKind);
        Assert.Equal("none", pending.GetProperty("paymentStatus").GetString());
        Assert.Equal(pending.GetProperty("cancelledAt").GetDateTimeOffset().AddDays(7), pending.GetProperty("settlementDueAt").GetDateTimeOffset());
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementCancelled>(id));
        Assert.Equal(0, await _scenario.OutboxCountAsync<PlacementSettled>(id));

        using var byStudent = await SettleAsync(_scenario.Student(), id, 24_000);
        await byStudent.ProblemAsync(HttpStatusCode.Forbidden, "not_settlement_party");
        using var byOtherPartner = await SettleAsync(_scenario.OtherPartner, id, 24_000);
        await byOtherPartner.ProblemAsync(HttpStatusCode.NotFound, "placement_not_found");
        using var aboveProposal = await SettleAsync(_scenario.Partner, id, 24_001, "Generous");
        await aboveProposal.ValidationAsync("payableCents");
        using var belowWithoutReason = await SettleAsync(_scenario.Partner, id, 10_000);
        await belowWithoutReason.ValidationAsync("reason");
        using var noAmount = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/settlement", new { reason = "?" });
        await noAmount.ValidationAsync("payableCents");
        Assert.Equal(pending.GetProperty("version").GetInt64(), (await _scenario.GetPlacementAsync(id)).GetProperty("version").GetInt64());

        using var settle = await SettleAsync(_scenario.Partner, id, 24_000);
        var settled = await settle.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("final", settled.GetProperty("settlement").GetString());
        Assert.Equal("partner", settled.GetProperty("settledBy").GetString());
        Assert.Equal(24_000, settled.GetProperty("payableCents").GetInt64());
        Assert.Equal("none", settled.GetProperty("paymentStatus").GetString()); // until Payments opens the payout
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementSettled>(id));
        Assert.Equal("24000", await SettledPayloadAsync(id, "payableCents"));

        using var again = await SettleAsync(_scenario.Partner, id, 24_000);
        await again.ProblemAsync(HttpStatusCode.Conflict, "settlement_not_pending");
        using var byCoordinator = await SettleAsync(_scenario.Coordinator, id, 30_000, "Second thoughts");
        await byCoordinator.ProblemAsync(HttpStatusCode.Conflict, "settlement_not_pending");
    }

    [Fact]
    public async Task ASettlementBelowTheProposal_DisputedByTheStudent_IsPaidOnlyWhenACoordinatorSettlesIt()
    {
        var id = await CancelledByStudentAsync(hours: 12);
        using var low = await SettleAsync(_scenario.Partner, id, 6_000, "Half the work was unusable");
        var settled = await low.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("settled", settled.GetProperty("settlement").GetString());
        Assert.Equal("none", settled.GetProperty("paymentStatus").GetString());
        Assert.Equal(0, await _scenario.OutboxCountAsync<PlacementSettled>(id));
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementSettlementDisputable>(id));

        using var byPartner = await DisputeAsync(_scenario.Partner, id, "Not mine to dispute");
        await byPartner.ProblemAsync(HttpStatusCode.Forbidden, "not_placement_student");
        using var noReason = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/settlement/dispute", new { });
        await noReason.ValidationAsync("reason");
        using var dispute = await DisputeAsync(_scenario.Student(), id, "I delivered the whole analysis; see the time sheet.");
        var disputed = await dispute.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("escalated", disputed.GetProperty("settlement").GetString());
        Assert.Equal("I delivered the whole analysis; see the time sheet.", disputed.GetProperty("disputeReason").GetString());
        using var twice = await DisputeAsync(_scenario.Student(), id, "Again");
        await twice.ProblemAsync(HttpStatusCode.Conflict, "settlement_not_disputable");
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementSettlementEscalated>(id));
        Assert.Equal("disputed", await EscalationReasonAsync(id));
        using var partnerAgain = await SettleAsync(_scenario.Partner, id, 24_000);
        await partnerAgain.ProblemAsync(HttpStatusCode.Conflict, "settlement_not_pending");

        using var escalated = await _scenario.Coordinator.GetAsync("/api/placements?settlement=escalated&limit=100");
        Assert.Contains((await escalated.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        using var badFilter = await _scenario.Coordinator.GetAsync("/api/placements?settlement=argued");
        await badFilter.ValidationAsync("settlement");

        using var aboveAmount = await SettleAsync(_scenario.Coordinator, id, 60_001, "Bonus");
        await aboveAmount.ValidationAsync("payableCents");
        using var withoutReason = await SettleAsync(_scenario.Coordinator, id, 20_000);
        await withoutReason.ValidationAsync("reason");
        using var decide = await SettleAsync(_scenario.Coordinator, id, 20_000, "Most of the analysis was delivered");
        var final = await decide.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("final", final.GetProperty("settlement").GetString());
        Assert.Equal("coordinator", final.GetProperty("settledBy").GetString());
        Assert.Equal(20_000, final.GetProperty("payableCents").GetInt64());
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementSettled>(id));
        Assert.Equal("coordinator", await SettledPayloadAsync(id, "settledBy"));
    }

    [Fact]
    public async Task TheClock_EscalatesWhatThePartnerLeftUnsettled_AndMakesAnUndisputedSettlementFinal_NeverPayingAStudentsOwnWord()
    {
        var unsettled = await CancelledByStudentAsync(hours: 12);
        var undisputed = await CancelledByStudentAsync(hours: 12, student: 2);
        using var low = await SettleAsync(_scenario.Partner, undisputed, 12_000, "Half of it");
        await low.ReadAsync(HttpStatusCode.OK);

        await _scenario.SweepAtAsync(DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal("pending", await SettlementOfAsync(unsettled));
        Assert.Equal("settled", await SettlementOfAsync(undisputed));

        var result = await _scenario.SweepAtAsync(DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1));
        Assert.True(result.SettlementsEscalated >= 1 && result.SettlementsFinal >= 1);
        var escalated = await _scenario.GetPlacementAsync(unsettled);
        Assert.Equal("escalated", escalated.GetProperty("settlement").GetString());
        Assert.Equal("none", escalated.GetProperty("paymentStatus").GetString());
        Assert.Equal(0, await _scenario.OutboxCountAsync<PlacementSettled>(unsettled));
        Assert.Equal("unsettled", await EscalationReasonAsync(unsettled));
        var final = await _scenario.GetPlacementAsync(undisputed);
        Assert.Equal("final", final.GetProperty("settlement").GetString());
        Assert.Equal("none", final.GetProperty("paymentStatus").GetString()); // until Payments opens the payout
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementSettled>(undisputed));

        await _scenario.SweepAtAsync(DateTimeOffset.UtcNow.AddDays(30));
        Assert.Equal("escalated", await SettlementOfAsync(unsettled));
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementSettlementEscalated>(unsettled));
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementSettled>(undisputed));
        using var late = await DisputeAsync(_scenario.Student(2), undisputed, "Too late");
        await late.ProblemAsync(HttpStatusCode.Conflict, "settlement_not_disputable");
    }

    [Fact]
    public async Task AStudentsCancellation_WithNothingLogged_SettlesAtOnceAtZero()
    {
        var id = (await _scenario.ActivePlacementAsync()).GetProperty("id").GetGuid();

        using var cancel = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/cancel", new { reason = "Exam season" });

        var cancelled = await cancel.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("final", cancelled.GetProperty("settlement").GetString());
        Assert.Equal("student", cancelled.GetProperty("settledBy").GetString());
        Assert.Equal(0, cancelled.GetProperty("payableCents").GetInt64());
        Assert.Equal("none", cancelled.GetProperty("paymentStatus").GetString());
        Assert.Equal("0", await SettledPayloadAsync(id, "payableCents"));
    }

    [Fact]
    public async Task PartnerAndCoordinatorCancellations_SettleWithinTheirLimits_AndAStudentNamesNoAmount()
    {
        var byPartner = (await _scenario.ActivePlacementAsync()).GetProperty("id").GetGuid();
        await _scenario.LogHoursAsync(byPartner, 4); // proposes 8,000
        using var tooMuch = await _scenario.Partner.PostJsonAsync($"/api/placements/{byPartner}/cancel", new { reason = "Project dropped", payableCents = 8_001 });
        await tooMuch.ValidationAsync("payableCents");
        Assert.Equal("active", (await _scenario.GetPlacementAsync(byPartner)).GetProperty("status").GetString());
        Assert.Equal(0, await _scenario.OutboxCountAsync<PlacementCancelled>(byPartner));

        using var less = await _scenario.Partner.PostJsonAsync($"/api/placements/{byPartner}/cancel", new { reason = "The draft was not usable", payableCents = 3_000 });
        var settled = await less.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("settled", settled.GetProperty("settlement").GetString());
        Assert.Equal(8_000, settled.GetProperty("proposedPayableCents").GetInt64());
        Assert.Equal(3_000, settled.GetProperty("payableCents").GetInt64());
        using var dispute = await DisputeAsync(_scenario.Student(), byPartner, "The draft was what we agreed on");
        Assert.Equal("escalated", (await dispute.ReadAsync(HttpStatusCode.OK)).GetProperty("settlement").GetString());
        Assert.Equal(0, await _scenario.OutboxCountAsync<PlacementSettled>(byPartner));

        var byStudent = (await _scenario.ActivePlacementAsync(student: 2)).GetProperty("id").GetGuid();
        await _scenario.LogHoursAsync(byStudent, 4, student: 2);
        using var studentNamesAmount = await _scenario.Student(2).PostJsonAsync($"/api/placements/{byStudent}/cancel", new { reason = "Pay me", payableCents = 60_000 });
        await studentNamesAmount.ValidationAsync("payableCents");

        using var byCoordinator = await _scenario.Coordinator.PostJsonAsync($"/api/placements/{byStudent}/cancel", new { reason = "The partner left the program", payableCents = 60_000 });
        var whole = await byCoordinator.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("final", whole.GetProperty("settlement").GetString());
        Assert.Equal(60_000, whole.GetProperty("payableCents").GetInt64());
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementSettled>(byStudent));
    }

    [Fact]
    public async Task TimeEntries_AreDatedFromTheStartDateToToday_InTheProgramsTimeZone()
    {
        var placement = await _scenario.ActivePlacementAsync();
        var id = placement.GetProperty("id").GetGuid();
        var url = $"/api/placements/{id}/time-entries";
        // Counted from the start date, so a Los Angeles midnight passing during the test changes nothing.
        var started = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(placement.GetProperty("startedAt").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);

        using var today = await _scenario.Student().PostJsonAsync(url, new { date = ProgramDay.Today, hours = 12m, note = "Day one" });
        await today.ReadAsync(HttpStatusCode.Created);
        using var ahead = await _scenario.Student().PostJsonAsync(url, new { date = started.AddDays(2), hours = 12m, note = "Not yet worked" });
        await ahead.ValidationAsync("date");
        using var beforeStart = await _scenario.Student().PostJsonAsync(url, new { date = started.AddDays(-1), hours = 4m, note = "Before it began" });
        await beforeStart.ValidationAsync("date");

        Assert.Equal(12m, (await _scenario.GetPlacementAsync(id)).GetProperty("loggedHours").GetDecimal());
    }

    [Fact]
    public async Task TheFundPayingForAPlacement_IsShownToCoordinatorsOnly()
    {
        var fund = Guid.NewGuid();
        var listing = (await _scenario.OpenListingAsync(openings: 2, fundId: fund)).ListingId;
        var id = (await _scenario.ActivePlacementAsync(listingId: listing)).GetProperty("id").GetGuid();

        Assert.Equal(fund, (await _scenario.GetPlacementAsync(id)).GetProperty("fundId").GetGuid());
        foreach (var caller in new[] { _scenario.Student(), _scenario.Partner })
        {
            using var one = await caller.GetAsync($"/api/placements/{id}");
            Assert.Equal(JsonValueKind.Null, (await one.ReadAsync(HttpStatusCode.OK)).GetProperty("fundId").ValueKind);
            using var list = await caller.GetAsync("/api/placements?limit=100");
            Assert.All((await list.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("fundId").ValueKind));
        }
    }

    [Fact]
    public async Task APartnersTimeToSettle_EndsAtItsDueTime_EvenBeforeTheClockEscalates()
    {
        var id = await CancelledByStudentAsync(hours: 12);
        await _scenario.ScalarAsync<int>($"UPDATE placements SET settlement_due_at = now() - interval '1 second' WHERE id = '{id}' RETURNING 1");

        using var late = await SettleAsync(_scenario.Partner, id, 24_000);
        await late.ProblemAsync(HttpStatusCode.Conflict, "settlement_not_pending");
        using var byCoordinator = await SettleAsync(_scenario.Coordinator, id, 24_000);
        Assert.Equal("final", (await byCoordinator.ReadAsync(HttpStatusCode.OK)).GetProperty("settlement").GetString());
    }

    private async Task<Guid> CancelledByStudentAsync(decimal hours, int student = 1)
    {
        var id = (await _scenario.ActivePlacementAsync(student)).GetProperty("id").GetGuid();
        await _scenario.LogHoursAsync(id, hours, student);
        using var cancel = await _scenario.Student(student).PostJsonAsync($"/api/placements/{id}/cancel", new { reason = "Too much with exams" });
        await cancel.ReadAsync(HttpStatusCode.OK);
        return id;
    }

    private static Task<HttpResponseMessage> SettleAsync(HttpClient caller, Guid id, long payableCents, string? reason = null) =>
        caller.PostJsonAsync($"/api/placements/{id}/settlement", new { payableCents, reason });

    private Task<string?> EscalationReasonAsync(Guid id) => _scenario.ScalarAsync<string>(
        $"SELECT payload->>'reason' FROM outbox_messages WHERE message_type LIKE '{typeof(PlacementSettlementEscalated).FullName},%' " +
        $"AND payload->'placement'->>'placementId' = '{id}'");

    private static Task<HttpResponseMessage> DisputeAsync(HttpClient caller, Guid id, string reason) =>
        caller.PostJsonAsync($"/api/placements/{id}/settlement/dispute", new { reason });

    private Task<string?> SettlementOfAsync(Guid id) => _scenario.ScalarAsync<string>($"SELECT settlement FROM placements WHERE id = '{id}'");

    private Task<string?> SettledPayloadAsync(Guid id, string field) => _scenario.ScalarAsync<string>(
        $"SELECT payload->>'{field}' FROM outbox_messages WHERE payload->'placement'->>'placementId' = '{id}' AND message_type LIKE '%PlacementSettled,%'");
}
