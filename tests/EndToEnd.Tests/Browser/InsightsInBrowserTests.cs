using System.Net;
using Microsoft.Playwright;

namespace MicroInternships.EndToEnd.Tests.Browser;

/// <summary>The insights page in Chromium: its charts drawn with their tables, hidden small counts said in words, axe clean, fit for a phone.</summary>
[Collection(SystemCollection.Name)]
public sealed class InsightsInBrowserTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task A_coordinator_sees_the_charts_and_a_partner_sees_its_few_students_hidden()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinatorApi = await _calls.ClientAsync(new { sub = "c-insights-page", role = "coordinator", name = "Casey" });
        var organization = (await GatewayCalls.SendAsync(coordinatorApi, HttpMethod.Post, "/api/organizations", new { name = $"Charted Co {suffix}" },
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var partnerApi = await _calls.ClientAsync(new { sub = $"p-chart-{suffix}", role = "partner", name = "Pat", org = organization });
        var student = await _calls.ClientAsync(new { sub = $"s-chart-{suffix}", role = "student", name = "Robin" });
        var listing = await GatewayCalls.PublishedListingAsync(partnerApi, $"Charted survey {suffix}", "testing");
        await GatewayCalls.AcceptedPlacementAsync(partnerApi, student, listing, "I chart things.");

        await using var coordinator = await SiteVisitor.SignedInAsync(browser, system.Website, "coordinator", "c-insights-page", "Casey Coordinator");
        await coordinator.GoAsync("/insights", "Program insights");
        await Assertions.Expect(coordinator.Page.Locator("#as-of")).ToBeVisibleAsync();
        foreach (var chart in new[] { "From application to completion", "Placements started by week", "Dollars paid by week", "Payouts by status" })
        {
            await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = chart, Exact = true })).ToBeVisibleAsync();
        }

        await Assertions.Expect(coordinator.Page.Locator("#funnel-title + svg rect, figure[aria-labelledby=funnel-title] svg rect").First).ToBeAttachedAsync();
        await coordinator.Page.GetByText("From application to completion as a table").ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Rowheader, new() { Name = "Placements started" })).ToBeVisibleAsync();
        await AssertAccessibleOnAPhoneAsync(coordinator, "insights-coordinator");

        await using var partner = await SiteVisitor.SignedInAsync(browser, system.Website, "partner", $"p-chart-{suffix}", "Pat Partner", organization);
        await partner.GoAsync("/insights", "Program insights");
        await Assertions.Expect(partner.Page.Locator("#students-placed")).ToHaveTextAsync("hidden");
        await partner.ExpectTextAsync("Figures covering fewer than 5 students are hidden");
        await AssertAccessibleOnAPhoneAsync(partner, "insights-partner");
        coordinator.AssertNothingRefusedByThePolicy();
        partner.AssertNothingRefusedByThePolicy();
    }

    private static async Task AssertAccessibleOnAPhoneAsync(SiteVisitor visitor, string screenshot)
    {
        await visitor.ScreenshotAsync(screenshot);
        await visitor.Page.SetViewportSizeAsync(390, 844);
        Assert.Empty(await visitor.SeriousAccessibilityViolationsAsync());
        Assert.Equal("", await visitor.WiderThanTheScreenAsync());
        await visitor.ScreenshotAsync(screenshot + "-phone");
    }
}
