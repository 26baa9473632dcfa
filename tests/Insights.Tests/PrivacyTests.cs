using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static MicroInternships.Insights.Tests.SummaryTests;

namespace MicroInternships.Insights.Tests;

/// <summary>Who sees which figures, and that a figure of fewer than five students can be neither seen nor worked out.</summary>
[Collection(InsightsCollection.Name)]
public sealed class PrivacyTests(InsightsFactory factory)
{
    [Fact]
    public async Task AHiddenDepartment_CannotBeRecoveredFromTheTotalAndTheOtherDepartments()
    {
        var history = new History();
        var courses = new Dictionary<string, Guid> { ["Biology"] = Guid.NewGuid(), ["Chemistry"] = Guid.NewGuid(), ["Physics"] = Guid.NewGuid() };
        var events = courses.Select(c => (object)History.Course(c.Value, $"f-{Guid.NewGuid():N}", c.Key)).ToList();
        foreach (var (department, count) in new[] { ("Biology", 7), ("Chemistry", 6), ("Physics", 2) })
        {
            var listing = history.Listing(course: courses[department]);
            for (var i = 0; i < count; i++)
            {
                history.Placed(listing, courses[department]);
            }
        }

        await factory.PublishAllAsync([.. events, .. history.Events]);
        var query = $"?term=Fall%202026&organizationId={history.Organization}";
        var truth = await SummaryAsync(factory.CreateClientAs("c-1", "coordinator"), query);
        var shown = await SummaryAsync(factory.CreateClientAs("p-1", "partner", history.Organization.ToString()), query);

        Assert.True(shown.GetProperty("smallCountsHidden").GetBoolean());
        var total = Value(shown.GetProperty("flow"), "placementsStarted");
        Assert.Equal(15, total);
        var cells = Departments(shown);
        var actual = Departments(truth);
        Assert.Equal(2, actual["Physics"]);
        Assert.Null(cells["Physics"]);
        var hidden = cells.Where(c => c.Value is null).Select(c => c.Key).ToList();
        Assert.True(hidden.Count >= 2, "a lone hidden department is the total minus the others");
        var recovered = total - cells.Values.Sum(v => v ?? 0);
        Assert.All(hidden, department => Assert.NotEqual(actual[department], recovered));
    }

    [Fact]
    public async Task APartnersFewStudents_AreHidden_WhileACoordinatorSeesThem()
    {
        var history = new History();
        var listing = history.Listing();
        history.Placed(listing, complete: true, payout: "paid", partnerRating: 5);
        history.Placed(listing, complete: true, payout: "paid", partnerRating: 2);
        await factory.PublishAllAsync([.. history.Events]);

        var query = $"?organizationId={history.Organization}";
        var partner = await SummaryAsync(factory.CreateClientAs("p-2", "partner", history.Organization.ToString()), "");
        var coordinator = await SummaryAsync(factory.CreateClientAs("c-1", "coordinator"), query);

        Assert.Equal(history.Organization.ToString(), partner.GetProperty("filters").GetProperty("organizationId").GetString());
        Assert.Equal(1, Value(partner.GetProperty("flow"), "listingsPublished"));
        foreach (var (section, figure) in new[] { ("flow", "placementsStarted"), ("reach", "studentsPlaced"), ("money", "paidCents"), ("flow", "completionRate") })
        {
            Assert.Null(Value(partner.GetProperty(section), figure));
            Assert.True(partner.GetProperty(section).GetProperty(figure).GetProperty("suppressed").GetBoolean());
            Assert.NotNull(Value(coordinator.GetProperty(section), figure));
        }

        var ratings = partner.GetProperty("quality").GetProperty("partnerRatingOfStudents");
        Assert.Null(Value(ratings, "average"));
        Assert.All(ratings.GetProperty("distribution").EnumerateArray(), cell => Assert.True(cell.GetProperty("suppressed").GetBoolean()));
        Assert.Equal(3.5m, Value(coordinator.GetProperty("quality").GetProperty("partnerRatingOfStudents"), "average"));
        Assert.Equal(JsonValueKind.Null, partner.GetProperty("institute").ValueKind);
        Assert.Empty(partner.GetProperty("money").GetProperty("funds").EnumerateArray());
    }

    [Fact]
    public async Task OthersFigures_Are403_AndStudentsSeeNone()
    {
        var faculty = $"f-{Guid.NewGuid():N}";
        var course = Guid.NewGuid();
        await factory.PublishAllAsync(History.Course(course, faculty, "Marketing"));

        using var student = factory.CreateClientAs("s-1", "student");
        await student.GetAsync("/api/insights/summary").ProblemAsync(HttpStatusCode.Forbidden, "insights_not_available");
        using var partner = factory.CreateClientAs("p-3", "partner", Guid.NewGuid().ToString());
        await partner.GetAsync($"/api/insights/summary?organizationId={Guid.NewGuid()}").ProblemAsync(HttpStatusCode.Forbidden, "not_your_organization");
        await partner.GetAsync($"/api/insights/report.csv?organizationId={Guid.NewGuid()}").ProblemAsync(HttpStatusCode.Forbidden, "not_your_organization");
        using var otherFaculty = factory.CreateClientAs($"f-{Guid.NewGuid():N}", "faculty");
        await otherFaculty.GetAsync($"/api/insights/funnel?courseId={course}").ProblemAsync(HttpStatusCode.Forbidden, "not_course_faculty");

        using var owner = factory.CreateClientAs(faculty, "faculty");
        var own = await SummaryAsync(owner, $"?courseId={course}");
        Assert.Equal(course.ToString(), own.GetProperty("filters").GetProperty("courseId").GetString());
    }

    [Fact]
    public async Task TheSeries_HidesSmallWeeks_AtLeastTwoAtATime()
    {
        var history = new History();
        var listing = history.Listing();
        for (var i = 0; i < 7; i++)
        {
            history.Placed(listing, day: 1);
        }

        history.Placed(listing, day: 8);
        await factory.PublishAllAsync([.. history.Events]);

        var query = $"/api/insights/series?measure=placements_started&from=2026-10-05&to=2026-10-25&organizationId={history.Organization}";
        using var partner = factory.CreateClientAs("p-4", "partner", history.Organization.ToString());
        var shown = await partner.GetFromJsonAsync<JsonElement>(query);
        using var coordinator = factory.CreateClientAs("c-1", "coordinator");
        var truth = await coordinator.GetFromJsonAsync<JsonElement>(query);

        Assert.Equal(["2026-10-05", "2026-10-12", "2026-10-19"], truth.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("weekOf").GetString()));
        Assert.Equal([7m, 1m, 0m], truth.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetProperty("value").GetDecimal()));
        Assert.Equal(8, shown.GetProperty("total").GetProperty("value").GetDecimal());
        var hidden = shown.GetProperty("points").EnumerateArray().Count(p => p.GetProperty("value").GetProperty("suppressed").GetBoolean());
        Assert.True(hidden >= 2);
    }

    [Fact]
    public async Task TheCsvIsFormulaSafe_AndTheReportPrintsWithItsCharts()
    {
        var history = new History();
        var course = Guid.NewGuid();
        var listing = history.Listing(course: course);
        history.Placed(listing, course);
        await factory.PublishAllAsync([History.Course(course, $"f-{Guid.NewGuid():N}", "=HYPERLINK(\"x\")"), .. history.Events]);

        using var coordinator = factory.CreateClientAs("c-1", "coordinator");
        var csv = await coordinator.GetStringAsync($"/api/insights/report.csv?organizationId={history.Organization}");
        Assert.StartsWith("section,measure,breakdown,value", csv, StringComparison.Ordinal);
        Assert.Contains("byDepartment,studentsPlaced,\"department==HYPERLINK(\"\"x\"\")\",1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);

        using var report = await coordinator.GetAsync($"/api/insights/report?organizationId={history.Organization}");
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        var html = await report.Content.ReadAsStringAsync();
        Assert.Contains("<svg role=\"img\" aria-label=\"Placements started by week\"", html, StringComparison.Ordinal);
        Assert.Contains("=HYPERLINK(&quot;x&quot;)", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, decimal?> Departments(JsonElement summary) =>
        summary.GetProperty("byDepartment").EnumerateArray().ToDictionary(
            d => d.GetProperty("department").GetString()!,
            d => d.GetProperty("placementsStarted").GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : (decimal?)null);
}
