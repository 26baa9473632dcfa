using System.Net;
using Microsoft.Playwright;

namespace MicroInternships.EndToEnd.Tests.Browser;

/// <summary>A faculty member proposes a reflection talk on the event's page; a coordinator puts it on the agenda; both see it there.</summary>
[Collection(SystemCollection.Name)]
public sealed class InstituteProgramInBrowserTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task A_faculty_member_proposes_a_talk_and_the_coordinator_puts_it_on_the_agenda_with_its_presenter()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (eventId, title) = await EventWithCallForProposalsAsync(run);
        var faculty = await _calls.ClientAsync(new { sub = $"f-talk-{run}", role = "faculty", name = "Dana Lee" });
        await GatewayCalls.SendAsync(faculty, HttpMethod.Post, $"/api/events/{eventId}/registrations", new { }, HttpStatusCode.Created);
        var talk = $"A term of real projects {run}";

        await using var proposer = await SiteVisitor.SignedInAsync(browser, system.Website, "faculty", $"f-talk-{run}", "Dana Lee");
        await proposer.GoAsync($"/events/{eventId}", title);
        await proposer.Page.GetByLabel("Title", new() { Exact = true }).FillAsync(talk);
        await proposer.Page.GetByLabel("Abstract").FillAsync("What changed in my course when students worked for local employers, and what I would keep.");
        await proposer.ClickAsync("Propose a Faculty implementation talk");
        await proposer.ExpectTextAsync("Your proposal is sent");
        await Assertions.Expect(proposer.Page.GetByRole(AriaRole.Heading, new() { Name = talk })).ToBeVisibleAsync();

        await using var coordinator = await SiteVisitor.SignedInAsync(browser, system.Website, "coordinator", $"c-talk-{run}", "Casey Coordinator");
        await coordinator.GoAsync($"/events/{eventId}", title);
        await coordinator.Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = talk })
            .GetByRole(AriaRole.Button, new() { Name = "Put it on the agenda" }).ClickAsync();
        await coordinator.ExpectTextAsync($"\"{talk}\" is on the agenda.");
        var agenda = coordinator.Page.Locator("ul.agenda li").Filter(new() { HasText = talk });
        await Assertions.Expect(agenda).ToContainTextAsync("Presented by Dana Lee (Faculty)");
        await Assertions.Expect(agenda).ToContainTextAsync("Reflection talk");
        await coordinator.ScreenshotAsync("coordinator-accepted-talk");

        await proposer.Page.ReloadAsync();
        await Assertions.Expect(proposer.Page.Locator("ul.agenda li").Filter(new() { HasText = talk })).ToContainTextAsync("Dana Lee");
        await proposer.ExpectTextAsync("It is on the agenda.");
        Assert.Contains(talk, await (await system.CreateGatewayClient().GetAsync($"/api/events/{eventId}/calendar.ics")).Content.ReadAsStringAsync());
    }

    private async Task<(string Id, string Title)> EventWithCallForProposalsAsync(string run)
    {
        var coordinator = await _calls.ClientAsync(new { sub = $"c-talk-{run}", role = "coordinator" });
        var now = DateTimeOffset.UtcNow;
        var starts = new DateTimeOffset(now.Date.AddDays(20).AddHours(17), TimeSpan.Zero);
        var title = $"Institute {run}";
        var created = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/events", new
        {
            title,
            venue = "College of Business Administration",
            timeZone = "America/Los_Angeles",
            startsAt = starts,
            endsAt = starts.AddHours(8),
            capacity = 50,
            registrationOpensAt = now.AddDays(-1),
            earlyBirdDeadline = now.AddDays(5),
            registrationClosesAt = now.AddDays(15),
            fees = new object[] { new { audience = "faculty", earlyBirdCents = 0, regularCents = 0 } },
            proposalsCloseAt = now.AddDays(10),
        }, HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, title);
    }
}
