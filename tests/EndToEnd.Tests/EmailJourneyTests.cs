using System.Net;
using System.Text.Json;
using MicroInternships.EndToEnd.Tests.Reliability;
using MicroInternships.Hosting;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// The main journey by email, through the AppHost's real mail server (smtp4dev): the student and the partner each get
/// their steps once, with the notification's words and a link to the website's page; with the mail server down the
/// emails wait and then all arrive, none lost and none twice.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class EmailJourneyTests(SystemFixture system)
{
    private static readonly string[] StudentSteps = ["offer_received", "work_approved", "payout_paid"];
    private static readonly string[] PartnerSteps = ["application_received", "offer_accepted", "work_submitted"];

    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task TheMainJourney_EmailsTheStudentAndThePartnerEachStepOnce_WithItsWordsAndTheWebsitesLink()
    {
        var journey = await JourneyPeopleAsync("mail");

        await journey.RunAsync();

        await AssertEmailedOnceEachAsync(journey.Student, journey.StudentAddress, StudentSteps);
        await AssertEmailedOnceEachAsync(journey.Partner, journey.PartnerAddress, PartnerSteps);

        // The offer's one-click unsubscribe, posted as a mail client does: through the gateway, without a token.
        using var inbox = system.MailInbox();
        var offer = (await inbox.ToAsync(journey.StudentAddress)).First(e => e.Subject.StartsWith("Offer received", StringComparison.Ordinal));
        using var anonymous = system.CreateGatewayClient();
        using var oneClick = new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);
        using var unsubscribed = await anonymous.PostAsync(new Uri(offer.Header("List-Unsubscribe").Trim('<', '>')).PathAndQuery, oneClick);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        var preferences = await GatewayCalls.SendAsync(journey.Student, HttpMethod.Get, "/api/notification-preferences");
        Assert.False(preferences.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "offer_received").GetProperty("email").GetBoolean());
    }

    [Fact]
    public async Task WithTheMailServerDownDuringTheJourney_TheEmailsWait_AndArriveOnceEachWhenItIsBack()
    {
        var journey = await JourneyPeopleAsync("outage");
        var faults = new SystemFaults(system.App);
        var mailServer = await faults.KillAsync(ResourceNames.MailServer);
        try
        {
            await journey.RunAsync();
            await Eventually.HoldsAsync(
                async () => await system.App.ScalarAsync<long>(ResourceNames.NotificationsDb, $"""
                    SELECT count(*) FROM outgoing_emails
                    WHERE address IN ('{journey.StudentAddress}', '{journey.PartnerAddress}') AND sent_at IS NULL AND attempts > 0
                    """) == StudentSteps.Length + PartnerSteps.Length,
                "every email of the journey was tried while the mail server was down, and kept",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            await faults.RestartAsync(ResourceNames.MailServer, mailServer);
        }

        await AssertEmailedOnceEachAsync(journey.Student, journey.StudentAddress, StudentSteps);
        await AssertEmailedOnceEachAsync(journey.Partner, journey.PartnerAddress, PartnerSteps);
    }

    /// <summary>
    /// A partner and a student who have signed in with their addresses and want each of the journey's steps at once
    /// (some are in the daily digest by default).
    /// </summary>
    private async Task<Journey> JourneyPeopleAsync(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var coordinator = await _calls.ClientAsync(new { sub = $"c-{name}-{suffix}", role = "coordinator", name = "Casey" });
        var organization = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations",
            new { name = $"Mail Co {suffix}", website = "https://mail.example" }, HttpStatusCode.Created)).GetProperty("id").GetString();
        var (partnerAddress, studentAddress) = ($"pat-{name}-{suffix}@mail.example", $"jordan-{name}-{suffix}@students.example.edu");
        var partner = await _calls.ClientAsync(new { sub = $"p-{name}-{suffix}", role = "partner", name = "Pat", email = partnerAddress, org = organization });
        var student = await _calls.ClientAsync(new { sub = $"s-{name}-{suffix}", role = "student", name = "Jordan Mail", email = studentAddress });
        foreach (var (client, steps) in new[] { (partner, PartnerSteps), (student, StudentSteps) })
        {
            await GatewayCalls.SendAsync(client, HttpMethod.Put, "/api/notification-preferences",
                new { categories = steps.Select(category => new { category, email = true, delivery = "immediate" }) });
        }

        return new Journey(partner, partnerAddress, student, studentAddress, suffix);
    }

    private async Task AssertEmailedOnceEachAsync(HttpClient person, string address, string[] steps)
    {
        using var inbox = system.MailInbox();
        var emails = await inbox.EventuallyToAsync(address, steps.Length, TimeSpan.FromSeconds(90));
        // Once each, in any order: a notification is stamped when a replica makes it, so a retried consumption (seen in the
        // two-replica run) can make an earlier step's after a later one's. The emails are what this test is about.
        var notifications = (await GatewayCalls.AllPagesAsync(person, "/api/notifications")).Reverse().ToList();
        Assert.Equal(steps.Order(), notifications.Select(n => n.GetProperty("category").GetString()).Order());
        Assert.Equal(notifications.Select(n => n.GetProperty("title").GetString()).Order(), emails.Select(e => e.Subject).Order());
        foreach (var notification in notifications)
        {
            var email = emails.Single(e => e.Subject == notification.GetProperty("title").GetString());
            Assert.Equal([address], email.To);
            Assert.Contains(notification.GetProperty("body").GetString()!, email.Text, StringComparison.Ordinal);
            var page = new Uri(system.Website, notification.GetProperty("link").GetString()).ToString();
            Assert.Contains($"Open it: {page}", email.Text, StringComparison.Ordinal);
            Assert.Contains(new Uri(system.Website, "/notifications/preferences").ToString(), email.Text, StringComparison.Ordinal);
            Assert.StartsWith($"<{new Uri(system.Gateway.BaseAddress!, "/api/unsubscribe?token=")}", email.Header("List-Unsubscribe"), StringComparison.Ordinal);
        }

        // Once each: nothing more comes.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(steps.Length, (await inbox.ToAsync(address)).Count);
    }

    private sealed record Journey(HttpClient Partner, string PartnerAddress, HttpClient Student, string StudentAddress, string Suffix)
    {
        public async Task RunAsync()
        {
            var listingId = await GatewayCalls.PublishedListingAsync(Partner, $"Email journey {Suffix}", "analysis");
            var placementId = await GatewayCalls.AcceptedPlacementAsync(Partner, Student, listingId, "I write clear reports.");
            await GatewayCalls.ApprovedWorkAsync(Partner, Student, placementId, "Drafting the report");
        }
    }
}
