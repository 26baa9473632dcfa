using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MicroInternships.EndToEnd.Tests.Browser;

/// <summary>One person on the website, in a browser context of their own (own cookies), signed in through the development picker.</summary>
public sealed class SiteVisitor : IAsyncDisposable
{
    /// <summary>How long an action or an expectation waits, in milliseconds: a loaded two-core CI machine is slow.</summary>
    public const float Patience = 20_000;

    private readonly IBrowserContext _context;
    private readonly List<string> _policyViolations = [];

    private SiteVisitor(IBrowserContext context, IPage page)
    {
        (_context, Page) = (context, page);
        // The browser reports what the site's Content-Security-Policy refused on the console.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (_policyViolations)
                {
                    _policyViolations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Asserts the browser refused nothing on the pages visited so far: the policy and the pages agree.</summary>
    public void AssertNothingRefusedByThePolicy()
    {
        lock (_policyViolations)
        {
            Assert.True(_policyViolations.Count == 0, string.Join("\n", _policyViolations));
        }
    }

    public static async Task<SiteVisitor> OpenAsync(BrowserFixture browser, Uri website, ViewportSize? viewport = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = website.ToString().TrimEnd('/'),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            TimezoneId = "America/Los_Angeles",
            Locale = "en-US",
        });
        context.SetDefaultTimeout(Patience);
        return new SiteVisitor(context, await context.NewPageAsync());
    }

    public static async Task<SiteVisitor> SignedInAsync(BrowserFixture browser, Uri website, string role, string subject, string name, string? organization = null)
    {
        var visitor = await OpenAsync(browser, website);
        await visitor.SignInAsync(role, subject, name, organization);
        return visitor;
    }

    public async Task SignInAsync(string role, string subject, string name, string? organization = null)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByLabel("Role").SelectOptionAsync(role);
        await Page.GetByLabel("User id").FillAsync(subject);
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        if (organization is not null)
        {
            await Page.GetByLabel("Organization id (partners only)").FillAsync(organization);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {name}" })).ToBeVisibleAsync();
    }

    public async Task GoAsync(string path, string heading)
    {
        await Page.GotoAsync(path);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
    }

    public Task ClickAsync(string buttonName) => Page.GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }).ClickAsync();

    public Task ExpectTextAsync(string text) => Assertions.Expect(Page.GetByText(text).First).ToBeVisibleAsync();

    public Task ExpectTextAsync(Regex text) => Assertions.Expect(Page.GetByText(text).First).ToBeVisibleAsync();

    /// <summary>axe's serious and critical findings on the page as it stands, against the WCAG 2.0 and 2.1 A and AA rules.</summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return [.. result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{violation.Id} ({violation.Impact}) {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}")];
    }

    /// <summary>The elements that reach past the screen's right edge (the page scrolls sideways), or nothing.</summary>
    public Task<string> WiderThanTheScreenAsync() => Page.EvaluateAsync<string>("""
        [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
        """);

    /// <summary>A full-page picture once the page's data has arrived (no loading message left, or after 10 s).</summary>
    public async Task ScreenshotAsync(string name)
    {
        try
        {
            await Page.WaitForFunctionAsync("() => !document.querySelector('.loading')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        }
        catch (PlaywrightException)
        {
        }

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
