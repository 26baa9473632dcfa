using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static MicroInternships.Insights.Tests.SummaryTests;

namespace MicroInternships.Insights.Tests;

[Collection(InsightsCollection.Name)]
public sealed class PublicFiguresTests(InsightsFactory factory)
{
    [Fact]
    public async Task Visitors_SeeTheWholeProgramsReach_WithoutAToken_AndOnlyThoseFigures()
    {
        var history = new History();
        var listing = history.Listing();
        for (var i = 0; i < 5; i++)
        {
            history.Placed(listing, complete: true, payout: "paid");
        }

        await factory.PublishAllAsync([.. history.Events]);

        using var response = await factory.CreateClient().GetAsync("/api/public/figures");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await response.Content.ReadFromJsonAsync<JsonElement>();
        var truth = await SummaryAsync(factory.CreateClientAs("c-1", "coordinator"), "");

        Assert.Equal(["asOf", "courses", "paidCents", "partners", "studentsPlaced"], shown.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(Value(truth.GetProperty("reach"), "studentsPlaced"), Value(shown, "studentsPlaced"));
        Assert.Equal(Value(truth.GetProperty("money"), "paidCents"), Value(shown, "paidCents"));
        Assert.Equal(Value(truth.GetProperty("reach"), "partnersWithListings"), Value(shown, "partners"));
        Assert.True(Value(shown, "studentsPlaced") >= 5);
    }
}
