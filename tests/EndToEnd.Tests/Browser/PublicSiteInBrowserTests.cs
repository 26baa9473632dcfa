using System.Net;
using Microsoft.Playwright;

namespace MicroInternships.EndToEnd.Tests.Browser;

/// <summary>The public program site in Chromium, for a visitor on a phone who is not signed in.</summary>
[Collection(SystemCollection.Name)]
public sealed class PublicSiteInBrowserTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task A_visitor_on_a_phone_reads_the_landing_page_finds_a_project_and_is_asked_to_sign_in_to_apply()
    {
        var word = $"w{Guid.NewGuid():N}"[..11];
        var listingId = await OpenListingAsync($"Harbor {word} survey");
        var eventId = await UpcomingEventAsync();

        await using var visitor = await SiteVisitor.OpenAsync(browser, system.Website, new ViewportSize { Width = 390, Height = 844 });
        var sockets = 0;
        visitor.Page.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
        await visitor.GoAsync("/", "Paid professional projects while you study");

        Assert.Equal(0, await visitor.Page.Locator("script").CountAsync());
        Assert.Contains("20 to 40 hours", await visitor.Page.Locator("meta[name=description]").GetAttributeAsync("content"));
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Link, new() { Name = $"Harbor {word} survey" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Page.Locator("a[href^='/institute/']").First).ToBeVisibleAsync();
        await AssertAccessibleOnAPhoneAsync(visitor, "/");
        await visitor.ScreenshotAsync("public-home-phone");

        await visitor.GoAsync($"/projects?q={word}", "Open projects");
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = $"Harbor {word} survey" }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Harbor {word} survey");
        await AssertAccessibleOnAPhoneAsync(visitor, $"/projects/{listingId}");
        var apply = visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in to apply" });
        Assert.EndsWith($"returnUrl={Uri.EscapeDataString($"/listings/{listingId}")}", await apply.GetAttributeAsync("href"));

        await visitor.GoAsync($"/institute/{eventId}", "Winter Institute");
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Agenda" })).ToBeVisibleAsync();
        await AssertAccessibleOnAPhoneAsync(visitor, $"/institute/{eventId}");

        Assert.Equal(0, sockets);
        visitor.AssertNothingRefusedByThePolicy();
    }

    [Fact]
    public async Task An_organization_asks_to_join_from_a_phone_without_scripts_and_confirms_from_the_emailed_link()
    {
        var domain = $"j{Guid.NewGuid():N}"[..11] + ".example";
        var contact = $"robin@{domain}";
        await using var visitor = await SiteVisitor.OpenAsync(browser, system.Website, new ViewportSize { Width = 390, Height = 844 });
        await visitor.GoAsync("/", "Paid professional projects while you study");
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Ask to join as a partner" }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join as a partner");
        await AssertAccessibleOnAPhoneAsync(visitor, "/partners/join");

        await visitor.Page.GetByLabel("Organization name").FillAsync($"Harbor Books {domain[..6]}");
        await visitor.Page.GetByLabel("Website").FillAsync("ftp://files.example");
        await visitor.Page.GetByLabel("Your name").FillAsync("Robin Park");
        await visitor.Page.GetByLabel("Your work email").FillAsync(contact);
        await visitor.Page.GetByLabel("What kinds of projects").FillAsync("A customer survey for our new store.");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(visitor.Page.Locator("#website-error")).ToContainTextAsync("website must be an absolute http(s) address.");
        await Assertions.Expect(visitor.Page.GetByLabel("Your name")).ToHaveValueAsync("Robin Park");
        await visitor.Page.GetByLabel("Website").FillAsync($"https://{domain}");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"we sent a link to {contact}");

        using var inbox = system.MailInbox();
        var email = Assert.Single(await inbox.EventuallyToAsync(contact, 1));
        var link = System.Text.RegularExpressions.Regex.Match(email.Text, @"https?://\S+/partners/confirm\?token=[A-Za-z0-9_-]+").Value;
        await visitor.GoAsync(new Uri(link).PathAndQuery, "Confirm your email");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("your address is confirmed");
        Assert.Equal(0, await visitor.Page.Locator("script").CountAsync());
        visitor.AssertNothingRefusedByThePolicy();
    }

    [Fact]
    public async Task The_sitemap_lists_the_public_pages_and_each_open_project()
    {
        var listingId = await OpenListingAsync("Sitemap check project");
        using var site = new HttpClient { BaseAddress = system.Website };

        using var sitemap = await site.GetAsync("/sitemap.xml");
        var xml = await sitemap.Content.ReadAsStringAsync();
        using var robots = await site.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, sitemap.StatusCode);
        Assert.Contains("<loc>", xml);
        Assert.Contains($"/projects/{listingId}</loc>", xml);
        Assert.Contains("/projects</loc>", xml);
        Assert.Contains("/sitemap.xml", await robots.Content.ReadAsStringAsync());
    }

    private async Task<string> OpenListingAsync(string title)
    {
        var coordinator = await _calls.ClientAsync(new { sub = "c-public", role = "coordinator" });
        var organization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = "Harbor Public Co" }, HttpStatusCode.Created);
        var partner = await _calls.ClientAsync(new { sub = $"p-{Guid.NewGuid():N}", role = "partner", org = organization.GetProperty("id").GetString() });
        return await GatewayCalls.PublishedListingAsync(partner, title, "survey design");
    }

    private async Task<string> UpcomingEventAsync()
    {
        var coordinator = await _calls.ClientAsync(new { sub = "c-public", role = "coordinator" });
        var starts = DateTimeOffset.UtcNow.AddDays(20);
        var created = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/events", new
        {
            title = "Winter Institute (public site test)",
            venue = "College of Business Administration",
            timeZone = "America/Los_Angeles",
            startsAt = starts,
            endsAt = starts.AddHours(30),
            capacity = 100,
            registrationOpensAt = DateTimeOffset.UtcNow.AddDays(-1),
            earlyBirdDeadline = DateTimeOffset.UtcNow.AddDays(5),
            registrationClosesAt = DateTimeOffset.UtcNow.AddDays(15),
            fees = new[] { new { audience = "faculty", earlyBirdCents = 7_500, regularCents = 9_500 } },
        }, HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    private static async Task AssertAccessibleOnAPhoneAsync(SiteVisitor visitor, string path)
    {
        Assert.Empty((await visitor.SeriousAccessibilityViolationsAsync()).Select(violation => $"{path}: {violation}"));
        var wide = await visitor.WiderThanTheScreenAsync();
        Assert.True(wide.Length == 0, $"{path} scrolls sideways on a phone: {wide}");
    }
}
