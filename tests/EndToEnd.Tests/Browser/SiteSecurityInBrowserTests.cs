using Microsoft.Playwright;

namespace MicroInternships.EndToEnd.Tests.Browser;

/// <summary>The website under its Content-Security-Policy in a real browser, and signing out by the menu's form.</summary>
[Collection(SystemCollection.Name)]
public sealed class SiteSecurityInBrowserTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_site_works_under_its_policy_and_signing_out_forgets_the_visitor()
    {
        await using var coordinator = await SiteVisitor.SignedInAsync(browser, system.Website, "coordinator", "c-policy", "Casey Policy");
        var home = await coordinator.Page.GotoAsync("/");
        Assert.Contains("frame-ancestors 'none'", await home!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        foreach (var (path, heading) in new[] { ("/listings", "Listings"), ("/payouts", "Payouts"), ("/events", "Events") })
        {
            await coordinator.GoAsync(path, heading);
            await Assertions.Expect(coordinator.Page.Locator(".loading")).ToHaveCountAsync(0);
        }

        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        var menu = coordinator.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await coordinator.Page.GotoAsync("/payouts");
        await Assertions.Expect(coordinator.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        coordinator.AssertNothingRefusedByThePolicy();
    }
}
