using Microsoft.Playwright;

namespace MicroInternships.EndToEnd.Tests.Browser;

/// <summary>The main pages used with a keyboard alone, checked against WCAG 2.1 AA rules by axe, and seen on a phone's screen.</summary>
[Collection(SystemCollection.Name)]
public sealed class KeyboardAndAccessibilityTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] _mainPages = ["/", "/listings", "/applications", "/placements", "/events", "/notifications"];

    [Fact]
    public async Task A_student_signs_in_searches_and_opens_a_listing_with_the_keyboard_alone()
    {
        await using var visitor = await SiteVisitor.OpenAsync(browser, system.Website);
        await visitor.GoAsync("/signin", "Sign in");

        // Focus moves to the page's heading once the page is interactive (FocusOnNavigate), a moment after it shows.
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Sign in" })).ToBeFocusedAsync();
        await TabUntilAsync(visitor.Page, "Skip to main content", backwards: true);
        await visitor.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(visitor.Page.Locator("main")).ToBeFocusedAsync();
        await TabUntilAsync(visitor.Page, "Ana Student");
        await visitor.Page.Keyboard.PressAsync("Enter");
        // Signing in loads a page anew: once it is interactive its heading takes the focus, which would otherwise be
        // taken from whatever the next keys had reached.
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Ana Student" })).ToBeFocusedAsync();

        await TabUntilAsync(visitor.Page, "Find projects");
        await visitor.Page.Keyboard.PressAsync("Enter");
        // As after signing in: the heading takes the focus a moment after it shows, and would take it from the search
        // box in the middle of the typing.
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Listings" })).ToBeFocusedAsync();
        await TabUntilAsync(visitor.Page, "", element: "input#q, input[type=search]");
        await visitor.Page.Keyboard.TypeAsync("data");
        await visitor.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(visitor.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=data"));

        // The address changes before the server renders the search: until then the list shown is the previous one.
        await Assertions.Expect(visitor.Page.Locator("ul.results")).ToHaveAttributeAsync("aria-label", "Search results for data");
        var firstResult = visitor.Page.Locator(".results a").First;
        await Assertions.Expect(firstResult).ToBeVisibleAsync();
        var firstTitle = await firstResult.InnerTextAsync();
        await TabUntilAsync(visitor.Page, firstTitle);
        await visitor.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(firstTitle);
        visitor.AssertNothingRefusedByThePolicy();
    }

    [Fact]
    public async Task The_main_pages_have_no_serious_accessibility_violations_and_fit_a_phone()
    {
        await using var student = await SiteVisitor.SignedInAsync(browser, system.Website, "student", "s-a11y", "Alex Access");
        await student.Page.SetViewportSizeAsync(390, 844);
        var violations = new List<string>();
        foreach (var path in _mainPages)
        {
            await student.Page.GotoAsync(path);
            await Assertions.Expect(student.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(student.Page.Locator(".loading")).ToHaveCountAsync(0);
            violations.AddRange((await student.SeriousAccessibilityViolationsAsync()).Select(violation => $"{path}: {violation}"));
            var wide = await student.WiderThanTheScreenAsync();
            Assert.True(wide.Length == 0, $"{path} scrolls sideways on a phone-sized screen: {wide}");
            await student.ScreenshotAsync("phone" + (path == "/" ? "-home" : path.Replace('/', '-')));
        }

        Assert.Empty(violations);
        student.AssertNothingRefusedByThePolicy();
    }

    private static Task<string> FocusedTextAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            (() => {
                const focused = document.activeElement;
                if (!focused || focused === document.body || focused.tagName === 'MAIN') return '';
                return (focused.innerText || focused.value || '').trim();
            })()
            """);

    /// <summary>Presses Tab (or Shift+Tab) until the focused element shows the text (or matches the selector), as a keyboard user would.</summary>
    private static async Task TabUntilAsync(IPage page, string text, string? element = null, bool backwards = false)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = element is null
                ? (await FocusedTextAsync(page)).Contains(text, StringComparison.Ordinal)
                : await page.EvaluateAsync<bool>($"document.activeElement?.matches({System.Text.Json.JsonSerializer.Serialize(element)}) === true");
            if (focused)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached \"{text}{element}\".");
    }
}
