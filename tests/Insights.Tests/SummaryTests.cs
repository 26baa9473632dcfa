using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Insights.Tests;

/// <summary>Figures counted from a known history; the same whatever order, how often and how late its events arrive.</summary>
[Collection(InsightsCollection.Name)]
public sealed class SummaryTests(InsightsFactory factory)
{
    [Fact]
    public async Task AKnownHistory_GivesEveryFlowReachAndMoneyFigure()
    {
        var history = new History();
        var listing = history.Listing();
        var other = history.Listing(day: 1);
        for (var i = 0; i < 3; i++)
        {
            history.Applied(other);
        }

        var placements = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            placements.Add(history.Placed(listing, complete: i < 5, payout: i < 4 ? "paid" : "failed", partnerRating: 4));
        }

        await factory.PublishAllAsync([.. history.Events]);
        var summary = await SummaryAsync(factory.CreateClientAs("c-1", "coordinator"), $"?term=Fall%202026&organizationId={history.Organization}");

        Assert.Equal("Fall 2026", summary.GetProperty("period").GetProperty("term").GetString());
        Assert.Equal("2026-09-01", summary.GetProperty("period").GetProperty("from").GetString());
        Assert.False(summary.GetProperty("smallCountsHidden").GetBoolean());
        var flow = summary.GetProperty("flow");
        Assert.Equal(2, Value(flow, "listingsPublished"));
        Assert.Equal(9, Value(flow, "applications"));
        Assert.Equal(6, Value(flow, "offers"));
        Assert.Equal(6, Value(flow, "placementsStarted"));
        Assert.Equal(5, Value(flow, "placementsCompleted"));
        Assert.Equal(0.6667m, Value(flow, "offerRate"));
        Assert.Equal(7, Value(flow, "medianDaysStartToCompletion"));
        var reach = summary.GetProperty("reach");
        Assert.Equal(9, Value(reach, "studentsApplied"));
        Assert.Equal(6, Value(reach, "studentsPlaced"));
        Assert.Equal(6, Value(reach, "firstTimeStudents"));
        Assert.Equal(1, Value(reach, "partnersWithListings"));
        var money = summary.GetProperty("money");
        Assert.Equal(4 * 40_000, Value(money, "paidCents"));
        Assert.Equal(40_000, Value(money, "failedCents"));
        Assert.Equal(36, Value(money, "medianHoursApprovalToPaid"));
        var ratings = summary.GetProperty("quality").GetProperty("partnerRatingOfStudents");
        Assert.Equal(5, Value(ratings, "count"));
        Assert.Equal(4, Value(ratings, "average"));
        Assert.True(summary.GetProperty("asOf").GetDateTimeOffset() >= History.Monday);

        using var outside = factory.CreateClientAs("c-1", "coordinator");
        var winter = await SummaryAsync(outside, $"?term=Winter%202027&organizationId={history.Organization}");
        Assert.Equal(0, Value(winter.GetProperty("flow"), "placementsStarted"));
    }

    [Fact]
    public async Task DuplicatedLateAndReorderedEvents_GiveTheSameFigures()
    {
        var history = new History();
        var listing = history.Listing();
        var placement = Guid.NewGuid();
        var student = $"s-{Guid.NewGuid():N}";
        var started = new PlacementStarted(history.Placement(placement, 1, listing, student, null, "active"), History.Monday.AddDays(2));
        var submitted = new PlacementSubmitted(history.Placement(placement, 2, listing, student, null, "submitted"), History.Monday.AddDays(20), History.Monday.AddDays(6));
        var completed = new PlacementCompleted(history.Placement(placement, 3, listing, student, null, "completed"), true, History.Monday.AddDays(8));

        await factory.PublishAllAsync([.. history.Events, completed, submitted]);
        await factory.PublishTwiceAsync(started);
        await factory.PublishAllAsync(started, submitted);

        using var coordinator = factory.CreateClientAs("c-1", "coordinator");
        var flow = (await SummaryAsync(coordinator, $"?from=2026-10-01&to=2026-10-31&organizationId={history.Organization}")).GetProperty("flow");
        Assert.Equal(1, Value(flow, "placementsStarted"));
        Assert.Equal(1, Value(flow, "placementsCompleted"));
        Assert.Equal(1, Value(flow, "autoApprovedShare"));
        Assert.Equal(6, Value(flow, "medianDaysStartToCompletion"));
        Assert.Equal("completed", await factory.Database.ScalarAsync<string>($"SELECT status FROM placement_facts WHERE id = '{placement}'"));
    }

    [Fact]
    public async Task BadFilters_Are400NamingTheField()
    {
        using var coordinator = factory.CreateClientAs("c-1", "coordinator");
        foreach (var (query, field) in new[]
        {
            ("?term=Autumn%201999", "term"), ("?from=2026-13-01", "from"), ("?from=2026-10-02&to=2026-10-01", "to"),
            ("?department=x%00y", "department"), ("?organizationId=nope", "organizationId"),
        })
        {
            using var response = await coordinator.GetAsync($"/api/insights/summary{query}");
            await response.ValidationAsync(field);
        }

        using var series = await coordinator.GetAsync("/api/insights/series?measure=everything");
        await series.ValidationAsync("measure");
    }

    internal static async Task<JsonElement> SummaryAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/insights/summary{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static decimal? Value(JsonElement section, string figure)
    {
        var value = section.GetProperty(figure).GetProperty("value");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
    }
}
