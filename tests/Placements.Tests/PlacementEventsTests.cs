using System.Net;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Placements.Tests;

/// <summary>The review round trip is announced: each hand-in with when it will be approved by itself, each request for changes.</summary>
[Collection(PlacementsCollection.Name)]
public sealed class PlacementEventsTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task SubmittingAndSendingBack_EachPublishOneEvent_WithANewerVersion()
    {
        var submitted = await _scenario.SubmittedPlacementAsync();
        var id = submitted.GetProperty("id").GetGuid();
        using (var sentBack = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/request-revision", new { note = "Add the response rates." }))
        {
            await sentBack.ReadAsync(HttpStatusCode.OK);
        }

        using (var again = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/submit", new { note = "Rates added." }))
        {
            await again.ReadAsync(HttpStatusCode.OK);
        }

        Assert.Equal(2, await _scenario.OutboxCountAsync<PlacementSubmitted>(id));
        Assert.Equal(1, await _scenario.OutboxCountAsync<PlacementRevisionRequested>(id));
        var versions = (await _scenario.ScalarAsync<string>(
            "SELECT string_agg(payload->'placement'->>'version', ',' ORDER BY created_at) FROM outbox_messages " +
            $"WHERE payload->'placement'->>'placementId' = '{id}'"))!.Split(',').Select(long.Parse).ToList();
        Assert.Equal(versions.Order().Distinct(), versions);
        var firstSubmission = submitted.GetProperty("submittedAt").GetDateTimeOffset();
        var autoApprovesAt = await _scenario.ScalarAsync<string>(
            $"SELECT payload->>'autoApprovesAt' FROM outbox_messages WHERE message_type LIKE '{typeof(PlacementSubmitted).FullName},%' " +
            $"AND payload->'placement'->>'placementId' = '{id}' ORDER BY created_at LIMIT 1");
        Assert.Equal(firstSubmission.AddDays(14), DateTimeOffset.Parse(autoApprovesAt!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1", await _scenario.ScalarAsync<string>(
            $"SELECT payload->>'revisionCount' FROM outbox_messages WHERE message_type LIKE '{typeof(PlacementRevisionRequested).FullName},%' " +
            $"AND payload->'placement'->>'placementId' = '{id}'"));
        Assert.Equal(0L, await _scenario.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%Add the response rates.%' OR payload::text LIKE '%Rates added.%'"));
    }

    [Fact]
    public async Task LoggedTime_AndAReflection_AreAnnounced_WithTotalsAndAuthors_NeverTheirText()
    {
        var id = (await _scenario.ActivePlacementAsync()).GetProperty("id").GetGuid();
        await _scenario.LogHoursAsync(id, 2.5m);
        await _scenario.LogHoursAsync(id, 1.25m);
        using (var reflected = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/reflections", new { text = "What I learned about surveys." }))
        {
            await reflected.ReadAsync(HttpStatusCode.Created);
        }

        Assert.Equal("2.5,3.75", await _scenario.ScalarAsync<string>(
            "SELECT string_agg(((payload->>'loggedHours')::float8)::text, ',' ORDER BY (payload->>'version')::bigint) FROM outbox_messages " +
            $"WHERE message_type LIKE '{typeof(TimeEntryLogged).FullName},%' AND payload->>'placementId' = '{id}'"));
        Assert.Equal("student", await _scenario.ScalarAsync<string>(
            $"SELECT payload->>'authorRole' FROM outbox_messages WHERE message_type LIKE '{typeof(ReflectionAdded).FullName},%' AND payload->>'placementId' = '{id}'"));
        Assert.Equal(0L, await _scenario.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%What I learned about surveys.%' OR payload::text LIKE '%\"note\"%'"));
    }

    [Fact]
    public async Task EachSidesFeedback_IsAnnounced_WithoutItsRatingOrText()
    {
        var id = await _scenario.CompletedPlacementAsync();
        using (var given = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/student-feedback", new { rating = 4, comment = "A patient mentor." }))
        {
            await given.ReadAsync(HttpStatusCode.Created);
        }

        Assert.Equal("partner,student", await _scenario.ScalarAsync<string>(
            "SELECT string_agg(payload->>'givenBy', ',' ORDER BY (payload->>'version')::bigint) FROM outbox_messages " +
            $"WHERE message_type LIKE '{typeof(FeedbackGiven).FullName},%' AND payload->>'placementId' = '{id}'"));
        Assert.Equal(0L, await _scenario.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%A patient mentor.%' OR payload::text LIKE '%Excellent work%' " +
            "OR payload::text LIKE '%\"rating\"%'"));
    }

    [Fact]
    public async Task Ratings_AreRevealedWhenBothSidesGaveTheirs_OrWhenTheBlindPeriodEnds_EachOnce_AndALateOneAtOnce()
    {
        var both = await _scenario.CompletedPlacementAsync();
        await GiveStudentFeedbackAsync(both, 4);
        Assert.Equal(["5/4"], await RevealedAsync(both));
        Assert.Equal(await VersionOfAsync<FeedbackGiven>(both, "student") + 1, await VersionOfAsync<FeedbackRevealed>(both));

        var completedAt = DateTimeOffset.UtcNow;
        var late = await _scenario.CompletedPlacementAsync(student: 2);
        await _scenario.SweepAtAsync(completedAt.AddDays(13));
        Assert.Empty(await RevealedAsync(late));
        Assert.True((await _scenario.SweepAtAsync(completedAt.AddDays(14).AddMinutes(1))).FeedbackRevealed >= 1);
        await _scenario.SweepAtAsync(completedAt.AddDays(15));
        Assert.Equal(["5/"], await RevealedAsync(late));

        await GiveStudentFeedbackAsync(late, 2, student: 2);
        Assert.Equal(["5/", "5/2"], await RevealedAsync(late));
        Assert.Equal(0L, await _scenario.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE payload->>'placementId' IN ('{both}', '{late}') AND payload::text LIKE '%Excellent work%'"));
    }

    private async Task GiveStudentFeedbackAsync(Guid placementId, int rating, int student = 1)
    {
        using var given = await _scenario.Student(student).PostJsonAsync($"/api/placements/{placementId}/student-feedback", new { rating, comment = "Clear goals." });
        await given.ReadAsync(HttpStatusCode.Created);
    }

    /// <summary>Each <c>FeedbackRevealed</c> of the placement as <c>partnerRating/studentRating</c>, in version order.</summary>
    private async Task<string[]> RevealedAsync(Guid placementId) =>
        (await _scenario.ScalarAsync<string>(
            "SELECT string_agg(concat(payload->>'partnerRating', '/', payload->>'studentRating'), ',' ORDER BY (payload->>'version')::bigint) " +
            $"FROM outbox_messages WHERE message_type LIKE '{typeof(FeedbackRevealed).FullName},%' AND payload->>'placementId' = '{placementId}'"))
        ?.Split(',') ?? [];

    private Task<long> VersionOfAsync<TEvent>(Guid placementId, string? givenBy = null) => _scenario.ScalarAsync<long>(
        $"SELECT (payload->>'version')::bigint FROM outbox_messages WHERE message_type LIKE '{typeof(TEvent).FullName},%' AND payload->>'placementId' = '{placementId}'" +
        (givenBy is null ? "" : $" AND payload->>'givenBy' = '{givenBy}'"));
}
