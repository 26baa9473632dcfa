using System.Globalization;
using Microsoft.Playwright;

namespace MicroInternships.EndToEnd.Tests.Browser;

/// <summary>A coordinator opens an event on the website and attendees register until the waitlist starts.</summary>
[Collection(SystemCollection.Name)]
public sealed class EventRegistrationInBrowserTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeZoneInfo _pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public async Task Attendees_register_until_the_waitlist_starts_and_the_coordinator_sees_who_waits()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var title = $"Spring showcase {run}";
        await using var coordinator = await SiteVisitor.SignedInAsync(browser, system.Website, "coordinator", $"c-web-{run}", "Jordan Coordinator");
        await coordinator.GoAsync("/events/new", "event");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, _pacific);
        await FillAsync(coordinator, "Title", title);
        await FillAsync(coordinator, "Venue", "College of Business Administration");
        await FillAsync(coordinator, "Registration opens", LocalInput(now.AddDays(-1)));
        await FillAsync(coordinator, "Early-bird deadline", LocalInput(now.AddDays(1)));
        await FillAsync(coordinator, "Registration closes", LocalInput(now.AddDays(2)));
        await FillAsync(coordinator, "Starts", LocalInput(now.Date.AddDays(5).AddHours(8.5)));
        await FillAsync(coordinator, "Ends", LocalInput(now.Date.AddDays(5).AddHours(16)));
        await FillAsync(coordinator, "Capacity", "2");
        await coordinator.ScreenshotAsync("coordinator-new-event");
        await coordinator.ClickAsync("Create event");
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var eventPath = new Uri(coordinator.Page.Url).AbsolutePath;

        string[] outcomes = ["your seat is confirmed", "your seat is confirmed", "you are on the waitlist"];
        for (var attendee = 0; attendee < outcomes.Length; attendee++)
        {
            await using var student = await SiteVisitor.SignedInAsync(browser, system.Website, "student", $"s-event-{run}-{attendee}", $"Attendee {attendee + 1}");
            await student.GoAsync(eventPath, title);
            await student.ClickAsync("Register");
            await Assertions.Expect(student.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = outcomes[attendee] }).First).ToBeVisibleAsync();
            if (attendee == outcomes.Length - 1)
            {
                await student.ExpectTextAsync("number 1 on the waitlist");
                await student.ScreenshotAsync("event-waitlisted");
                Assert.StartsWith("BEGIN:VCALENDAR", await DownloadAsync(student, "Download the agenda (.ics)"));
            }
        }

        await coordinator.Page.ReloadAsync();
        var registrations = coordinator.Page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Attendee 3" });
        await Assertions.Expect(registrations.GetByRole(AriaRole.Row).Filter(new() { HasText = "Attendee 3" })).ToContainTextAsync("Waitlisted");
        await Assertions.Expect(registrations.GetByRole(AriaRole.Row).Filter(new() { HasText = "Attendee 1" })).ToContainTextAsync("Confirmed");
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Show more" })).ToHaveCountAsync(0);
        await coordinator.ScreenshotAsync("coordinator-event-registrations");
        var csv = await DownloadAsync(coordinator, "Download registrations (CSV)");
        Assert.Contains("Attendee 3", csv, StringComparison.Ordinal);
        Assert.Contains("waitlisted", csv, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Follows a download link as a browser does, through the site (which holds the token), and reads the file.</summary>
    private static async Task<string> DownloadAsync(SiteVisitor visitor, string linkName)
    {
        var download = await visitor.Page.RunAndWaitForDownloadAsync(() => visitor.Page.GetByRole(AriaRole.Link, new() { Name = linkName }).ClickAsync());
        return await File.ReadAllTextAsync(await download.PathAsync());
    }

    private static Task FillAsync(SiteVisitor visitor, string label, string value) =>
        visitor.Page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    private static string LocalInput(DateTimeOffset local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string LocalInput(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
