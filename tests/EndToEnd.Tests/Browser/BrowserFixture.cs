using Microsoft.Playwright;

namespace MicroInternships.EndToEnd.Tests.Browser;

/// <summary>
/// A real headless Chromium (Debian's package: browser downloads do not work on these machines), driven by
/// Playwright. <c>CHROMIUM_PATH</c> names another executable.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the screenshots of the main pages go, beside the test assembly.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        // An expectation waits as long as an action does, not Playwright's 5 s: in CI two replicas of everything share two
        // cores with the other test projects, and an application's answer once took longer than 5 s.
        Assertions.SetDefaultExpectTimeout(SiteVisitor.Patience);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine's network is closed: without these, Chromium's background connections fail at every start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
