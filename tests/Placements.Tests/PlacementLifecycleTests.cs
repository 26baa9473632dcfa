using System.Net;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Placements.Tests;

[Collection(PlacementsCollection.Name)]
public sealed class PlacementLifecycleTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task TimeEntries_AddUp_AndBrokenOnesAre400NamingTheField()
    {
        var id = (await _scenario.ActivePlacementAsync()).GetProperty("id").GetGuid();
        await _scenario.LogHoursAsync(id, 2.5m);
        await _scenario.LogHoursAsync(id, 4m);

        using var sheet = await _scenario.Partner.GetAsync($"/api/placements/{id}/time-entries");
        var body = await sheet.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(6.5m, body.GetProperty("totalHours").GetDecimal());
        Assert.Equal(2, body.GetProperty("items").GetArrayLength());
        Assert.Equal(6.5m, (await _scenario.GetPlacementAsync(id)).GetProperty("loggedHours").GetDecimal());

        var url = $"/api/placements/{id}/time-entries";
        var today = ProgramDay.Today;
        using var tooMany = await _scenario.Student().PostJsonAsync(url, new { date = today, hours = 12.5m });
        await tooMany.ValidationAsync("hours");
        using var tooFew = await _scenario.Student().PostJsonAsync(url, new { date = today, hours = 0.1m });
        await tooFew.ValidationAsync("hours");
        using var future = await _scenario.Student().PostJsonAsync(url, new { date = today.AddDays(3), hours = 1m });
        await future.ValidationAsync("date");
        using var noDate = await _scenario.Student().PostJsonAsync(url, new { hours = 1m });
        await noDate.ValidationAsync("date");
        using var badDate = await _scenario.Student().PostJsonAsync(url, new { date = "yesterday", hours = 1m });
        await badDate.ValidationAsync("date");
        using var partner = await _scenario.Partner.PostJsonAsync(url, new { date = today, hours = 1m });
        await partner.ProblemAsync(HttpStatusCode.Forbidden, "not_placement_student");
    }

    [Fact]
    public async Task ConcurrentTimeEntries_NeverLoseHours_AndADayHoldsAtMost16()
    {
        var id = (await _scenario.ActivePlacementAsync()).GetProperty("id").GetGuid();
        var today = ProgramDay.Today;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/time-entries", new { date = today, hours = 1.5m });
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var entries = await _scenario.ScalarAsync<decimal>($"SELECT coalesce(sum(hours), 0) FROM time_entries WHERE placement_id = '{id}'");
        Assert.Equal(entries, (await _scenario.GetPlacementAsync(id)).GetProperty("loggedHours").GetDecimal());
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.Created) * 1.5m, entries);

        await _scenario.ScalarAsync<int>($"DELETE FROM time_entries WHERE placement_id = '{id}' RETURNING 1");
        using var twelve = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/time-entries", new { date = today, hours = 12m });
        await twelve.ReadAsync(HttpStatusCode.Created);
        using var past16 = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/time-entries", new { date = today, hours = 4.25m });
        await past16.ValidationAsync("hours");
    }

    [Fact]
    public async Task Submit_RequestRevisionTwice_AThirdIs409_ThenApproveCompletesAndPays()
    {
        var id = (await _scenario.SubmittedPlacementAsync()).GetProperty("id").GetGuid();
        for (var round = 1; round <= 2; round++)
        {
            using var revision = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/request-revision", new { note = "Add a chart" });
            var revised = await revision.ReadAsync(HttpStatusCode.OK);
            Assert.Equal("revision_requested", revised.GetProperty("status").GetString());
            Assert.Equal(round, revised.GetProperty("revisionCount").GetInt32());
            using var resubmit = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/submit", new { note = "Chart added" });
            Assert.Equal("submitted", (await resubmit.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        using var third = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/request-revision", new { note = "One more" });
        await third.ProblemAsync(HttpStatusCode.Conflict, "revision_limit_reached");

        using var approve = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/approve", new { rating = 4, feedback = "Solid work" });
        var completed = await approve.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal("none", completed.GetProperty("paymentStatus").GetString()); // until Payments opens the payout
        Assert.False(completed.GetProperty("autoApproved").GetBoolean());
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementCompleted>(id));

        using var approveAgain = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/approve", new { rating = 4, feedback = "Again" });
        await approveAgain.ProblemAsync(HttpStatusCode.Conflict, "placement_wrong_state");
        using var submitAgain = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/submit", new { note = "More" });
        await submitAgain.ProblemAsync(HttpStatusCode.Conflict, "placement_wrong_state");
        using var cancelCompleted = await _scenario.Coordinator.PostJsonAsync($"/api/placements/{id}/cancel", new { reason = "No" });
        await cancelCompleted.ProblemAsync(HttpStatusCode.Conflict, "placement_wrong_state");
    }

    [Fact]
    public async Task WrongStateAndBadInput_AreRefusedBeforeAnythingChanges()
    {
        var id = (await _scenario.ActivePlacementAsync()).GetProperty("id").GetGuid();

        using var noHours = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/submit", new { note = "Done" });
        await noHours.ProblemAsync(HttpStatusCode.Conflict, "no_time_logged");
        using var revisionOfActive = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/request-revision", new { note = "?" });
        await revisionOfActive.ProblemAsync(HttpStatusCode.Conflict, "placement_wrong_state");
        using var approveActive = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/approve", new { rating = 5, feedback = "?" });
        await approveActive.ProblemAsync(HttpStatusCode.Conflict, "placement_wrong_state");
        using var badRating = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/approve", new { rating = 6 });
        await badRating.ValidationAsync("rating", "feedback");
        using var badUrl = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/submit", new { note = "x", deliverableUrl = "ftp://nope" });
        await badUrl.ValidationAsync("deliverableUrl");
        using var noReason = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/cancel", new { });
        await noReason.ValidationAsync("reason");

        Assert.Equal(1, (await _scenario.GetPlacementAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Cancel_FollowsWhoMayCancelWhen_AndACoordinatorsCancellationSettlesAtTheProposal()
    {
        var submitted = (await _scenario.SubmittedPlacementAsync(hours: 7.5m)).GetProperty("id").GetGuid();

        using var partner = await _scenario.Partner.PostJsonAsync($"/api/placements/{submitted}/cancel", new { reason = "Changed plans" });
        await partner.ProblemAsync(HttpStatusCode.Conflict, "placement_wrong_state");
        using var student = await _scenario.Student().PostJsonAsync($"/api/placements/{submitted}/cancel", new { reason = "Changed plans" });
        await student.ProblemAsync(HttpStatusCode.Conflict, "placement_wrong_state");
        using var faculty = await _scenario.Faculty().PostJsonAsync($"/api/placements/{submitted}/cancel", new { reason = "No" });
        await faculty.ProblemAsync(HttpStatusCode.NotFound, "placement_not_found");

        using var coordinator = await _scenario.Coordinator.PostJsonAsync($"/api/placements/{submitted}/cancel", new { reason = "Partner left the program" });
        var cancelled = await coordinator.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(15_000, cancelled.GetProperty("proposedPayableCents").GetInt64()); // 60,000 x 7.5 / 30
        Assert.Equal(15_000, cancelled.GetProperty("payableCents").GetInt64());
        Assert.Equal("final", cancelled.GetProperty("settlement").GetString());
        Assert.Equal("coordinator", cancelled.GetProperty("settledBy").GetString());
        Assert.Equal("none", cancelled.GetProperty("paymentStatus").GetString()); // until Payments opens the payout
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementCancelled>(submitted));
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementSettled>(submitted));
        Assert.Equal("15000", await _scenario.ScalarAsync<string>(
            $"SELECT payload->>'payableCents' FROM outbox_messages WHERE payload->'placement'->>'placementId' = '{submitted}' AND message_type LIKE '%PlacementSettled,%'"));

        var active = (await _scenario.ActivePlacementAsync(student: 2)).GetProperty("id").GetGuid();
        using var byPartner = await _scenario.Partner.PostJsonAsync($"/api/placements/{active}/cancel", new { reason = "Project dropped" });
        var dropped = await byPartner.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(0, dropped.GetProperty("payableCents").GetInt64());
        Assert.Equal("final", dropped.GetProperty("settlement").GetString());
        Assert.Equal("none", dropped.GetProperty("paymentStatus").GetString());
    }

    [Theory]
    [InlineData(60_000, 7.5, 30, 15_000)]
    [InlineData(60_000, 45, 30, 60_000)]
    [InlineData(0, 5, 20, 0)]
    [InlineData(100_001, 10, 20, 50_001)] // 50,000.5 rounds half up
    [InlineData(99_999, 10, 20, 50_000)] // 49,999.5 rounds half up
    [InlineData(10_000, 0.25, 30, 83)] // 83.33
    public void PayableCents_IsTheLoggedShare_RoundedHalfUp(long amount, decimal logged, int estimated, long expected) =>
        Assert.Equal(expected, Domain.Payable.ProRata(amount, logged, estimated));
}
