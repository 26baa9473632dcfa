using System.Net;
using System.Text.Json;

namespace MicroInternships.Placements.Tests;

[Collection(PlacementsCollection.Name)]
public sealed class FeedbackAndRecordTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task EachSidesFeedback_StaysHiddenFromTheOther_UntilBothGaveTheirs()
    {
        var id = await _scenario.CompletedPlacementAsync();

        var studentView = await FeedbackAsync(_scenario.Student(), id);
        Assert.Equal(JsonValueKind.Null, studentView.GetProperty("partner").ValueKind);
        Assert.False(studentView.GetProperty("revealed").GetBoolean());
        var partnerView = await FeedbackAsync(_scenario.Partner, id);
        Assert.Equal(5, partnerView.GetProperty("partner").GetProperty("rating").GetInt32());
        var coordinatorView = await FeedbackAsync(_scenario.Coordinator, id);
        Assert.Equal("Excellent work", coordinatorView.GetProperty("partner").GetProperty("feedback").GetString());

        using var give = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/student-feedback", new { rating = 4, comment = "Clear brief, quick answers" });
        var afterGiving = await give.ReadAsync(HttpStatusCode.Created);
        Assert.True(afterGiving.GetProperty("revealed").GetBoolean());
        Assert.Equal(5, afterGiving.GetProperty("partner").GetProperty("rating").GetInt32());
        Assert.Equal(4, (await FeedbackAsync(_scenario.Partner, id)).GetProperty("student").GetProperty("rating").GetInt32());

        using var twice = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/student-feedback", new { rating = 1, comment = "Changed my mind" });
        await twice.ProblemAsync(HttpStatusCode.Conflict, "feedback_exists");
    }

    [Fact]
    public async Task TheStudentsFeedback_ShowsToThePartner_14DaysAfterCompletion_EvenIfThePartnerGaveNone()
    {
        var id = (await _scenario.SubmittedPlacementAsync()).GetProperty("id").GetGuid();
        await _scenario.ScalarAsync<int>($"UPDATE placements SET status = 'completed', completed_at = now() - interval '13 days' WHERE id = '{id}' RETURNING 1");
        using var give = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/student-feedback", new { rating = 2, comment = "Slow to answer" });
        await give.ReadAsync(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, (await FeedbackAsync(_scenario.Partner, id)).GetProperty("student").ValueKind);

        await _scenario.ScalarAsync<int>($"UPDATE placements SET completed_at = now() - interval '15 days' WHERE id = '{id}' RETURNING 1");
        var revealed = await FeedbackAsync(_scenario.Partner, id);
        Assert.True(revealed.GetProperty("revealed").GetBoolean());
        Assert.Equal(2, revealed.GetProperty("student").GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task StudentFeedback_BeforeCompletion_Is409_AndBadInputIs400()
    {
        var id = (await _scenario.ActivePlacementAsync()).GetProperty("id").GetGuid();
        using var early = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/student-feedback", new { rating = 5, comment = "Great" });
        await early.ProblemAsync(HttpStatusCode.Conflict, "placement_wrong_state");
        using var bad = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/student-feedback", new { rating = 0 });
        await bad.ValidationAsync("rating", "comment");
    }

    [Fact]
    public async Task TheCompletionRecord_VerifiesForAnyone_WithOnlyWhatAnEmployerNeeds()
    {
        var id = await _scenario.CompletedPlacementAsync();

        using var record = await _scenario.Student().GetAsync($"/api/placements/{id}/record");
        var body = await record.ReadAsync(HttpStatusCode.OK);
        var code = body.GetProperty("verificationCode").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", code);
        Assert.EndsWith($"/api/verify/{code}", body.GetProperty("verifyUrl").GetString());

        using var verify = await _scenario.Anonymous.GetAsync($"/api/verify/{code}");
        var verified = await verify.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(
            ["completedAt", "credentialUrl", "hours", "listingTitle", "organizationName", "paid", "revoked", "studentName"],
            verified.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(10m, verified.GetProperty("hours").GetDecimal());
        Assert.False(verified.GetProperty("paid").GetBoolean());
        using var upper = await _scenario.Anonymous.GetAsync($"/api/verify/{code.ToUpperInvariant()}");
        await upper.ReadAsync(HttpStatusCode.OK);

        using var unknown = await _scenario.Anonymous.GetAsync($"/api/verify/{new string('0', 32)}");
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "record_not_found");
        using var malformed = await _scenario.Anonymous.GetAsync("/api/verify/not-a-code");
        await malformed.ProblemAsync(HttpStatusCode.NotFound, "record_not_found");
        using var partner = await _scenario.Partner.GetAsync($"/api/placements/{id}/record");
        await partner.ProblemAsync(HttpStatusCode.Forbidden, "not_placement_student");
    }

    [Fact]
    public async Task ARecord_ExistsOnlyOnceCompleted()
    {
        var id = (await _scenario.ActivePlacementAsync()).GetProperty("id").GetGuid();
        using var record = await _scenario.Student().GetAsync($"/api/placements/{id}/record");
        await record.ProblemAsync(HttpStatusCode.Conflict, "placement_not_completed");
    }

    private static async Task<JsonElement> FeedbackAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/placements/{id}/feedback");
        return await response.ReadAsync(HttpStatusCode.OK);
    }
}
