using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Placements;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MicroInternships.Notifications.Tests;

/// <summary>
/// Notifications by email through a real SMTP server (smtp4dev): to the people whose latest token gave an address, for
/// the categories they want at once, each once; held through an outage; off with a signed link.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class EmailTests(NotificationsFactory factory) : IDisposable
{
    [Fact]
    public async Task AnOffer_IsEmailedToItsStudentOnce_WithTheWebsitesLink_TheProgramAsSender_AndOneClickUnsubscribe()
    {
        var (student, address) = Person("s");
        var organization = Guid.NewGuid();
        await SignInAsync(student, "student", address);
        var listing = await factory.PublishedListingAsync(organization, "Tide gauge data cleanup");

        var offered = new ApplicationOffered(Snapshots.ApplicationTo(listing, organization, student, "offered"), DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();
        await factory.PublishAsync(offered, messageId);
        await factory.PublishAsync(offered, messageId);

        var email = Assert.Single(await factory.Inbox.EventuallyToAsync(address, 1));
        Assert.Contains("Tide gauge data cleanup", email.Subject, StringComparison.Ordinal);
        Assert.Equal("\"Test Micro-Internships\" <program@micro-internships.localhost>", email.From);
        Assert.Contains($"{NotificationsFactory.WebsiteUrl}/applications", email.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{NotificationsFactory.WebsiteUrl}/applications\"", email.Html, StringComparison.Ordinal);
        Assert.Contains($"{NotificationsFactory.WebsiteUrl}/notifications/preferences", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", email.Text.Replace(UnsubscribeUrl(email), "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("<https://api.program.example.edu/api/unsubscribe?token=", email.Header("List-Unsubscribe"), StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Header("List-Unsubscribe-Post"));
        Assert.Matches("^<[0-9a-f]{32}@micro-internships.localhost>$", email.Header("Message-ID"));

        // The second delivery of the event made nothing, so nothing more is sent.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await factory.Inbox.ToAsync(address));
    }

    [Fact]
    public async Task AnEmailToAContact_WhoIsNoUser_IsSentOnce_WithItsWordsAndTheWebsitesLink_AndNoUnsubscribe()
    {
        var address = $"robin-{Guid.NewGuid():N}@harborbooks.example";
        var request = new ContactEmailRequested(
            Guid.NewGuid(), address, "Confirm your request to join Micro-Internships",
            "Hello Robin,\n\nPlease confirm this is your email address.", "/partners/confirm?token=abc_DEF-123", "Confirm your email");
        var messageId = NewId.NextGuid();
        await factory.PublishAsync(request, messageId);
        await factory.PublishAsync(request, NewId.NextGuid());

        var email = Assert.Single(await factory.Inbox.EventuallyToAsync(address, 1));
        Assert.Equal("Confirm your request to join Micro-Internships", email.Subject);
        Assert.Contains($"Confirm your email: {NotificationsFactory.WebsiteUrl}/partners/confirm?token=abc_DEF-123", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<p>Please confirm this is your email address.</p><p><a href=\"{NotificationsFactory.WebsiteUrl}/partners/confirm?token=abc_DEF-123\">", email.Html, StringComparison.Ordinal);
        Assert.Equal("", email.Header("List-Unsubscribe"));
        Assert.DoesNotContain("preferences", email.Text, StringComparison.Ordinal);

        // The same request delivered again, even under another message id, is the same email: its key is the request's.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await factory.Inbox.ToAsync(address));
    }

    [Fact]
    public async Task AnOrganizationsNotification_ReachesEachPartnerWhoWantsItAtOnce_NotOneWhoTurnedItOff_NorAnotherOrganization()
    {
        var organization = Guid.NewGuid();
        var (wants, wantsAddress) = Person("p");
        var (off, offAddress) = Person("p");
        var (elsewhere, elsewhereAddress) = Person("p");
        var (noAddress, _) = Person("p");
        using var wantsClient = await SignInAsync(wants, "partner", wantsAddress, organization);
        using var offClient = await SignInAsync(off, "partner", offAddress, organization);
        using var elsewhereClient = await SignInAsync(elsewhere, "partner", elsewhereAddress, Guid.NewGuid());
        using var noAddressClient = await SignInAsync(noAddress, "partner", email: null, organization);
        await PutAsync(wantsClient, new { categories = new[] { new { category = "application_received", email = true, delivery = "immediate" } } });
        await PutAsync(offClient, new { categories = new[] { new { category = "application_received", email = false, delivery = "immediate" } } });
        await PutAsync(elsewhereClient, new { categories = new[] { new { category = "application_received", email = true, delivery = "immediate" } } });
        await PutAsync(noAddressClient, new { categories = new[] { new { category = "application_received", email = true, delivery = "immediate" } } });
        var listing = await factory.PublishedListingAsync(organization, "Seed library catalogue");

        await factory.PublishAndWaitAsync(new ApplicationSubmitted(Snapshots.ApplicationTo(listing, organization, $"s-{Guid.NewGuid():N}", "submitted"), DateTimeOffset.UtcNow));

        var email = Assert.Single(await factory.Inbox.EventuallyToAsync(wantsAddress, 1));
        Assert.Contains("Seed library catalogue", email.Subject, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(await factory.Inbox.ToAsync(offAddress));
        Assert.Empty(await factory.Inbox.ToAsync(elsewhereAddress));
        Assert.Equal(1, await QueuedForAsync(organization.ToString()));
    }

    [Fact]
    public async Task WhileTheMailServerIsDown_EmailWaits_AndArrivesOnceItIsBack()
    {
        var (student, address) = Person("s");
        var organization = Guid.NewGuid();
        await SignInAsync(student, "student", address);
        var listing = await factory.PublishedListingAsync(organization, "Oral history transcripts");

        using var waiting = new MetricCollector<long>(factory.Services.GetRequiredService<IMeterFactory>(), NotificationsMetrics.MeterName, "notifications.emails.waiting");
        factory.MailServer.Cut();
        try
        {
            await factory.PublishAndWaitAsync(new ApplicationOffered(Snapshots.ApplicationTo(listing, organization, student, "offered"), DateTimeOffset.UtcNow), consumers: 2);
            await Eventually.HoldsAsync(
                async () => await factory.Database.ScalarAsync<long>(
                    $"SELECT count(*) FROM outgoing_emails WHERE recipient_subject = '{student}' AND attempts >= 2 AND sent_at IS NULL AND last_error IS NOT NULL") == 1,
                "the email was tried and kept while the server was down");
            Assert.Empty(await factory.Inbox.ToAsync(address));
            await Eventually.HoldsAsync(() => Task.FromResult(Gauge(waiting) >= 1), "the gauge counts the email waiting");
        }
        finally
        {
            factory.MailServer.Restore();
        }

        var email = Assert.Single(await factory.Inbox.EventuallyToAsync(address, 1));
        Assert.Contains("Oral history transcripts", email.Subject, StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => Task.FromResult(Gauge(waiting) == 0), "the gauge shows nothing waiting once it is sent");
    }

    [Fact]
    public async Task ThePreferences_StartFromTheDefaults_AndChangeOnlyTheCategoriesSent()
    {
        var (student, address) = Person("s");
        using var client = await SignInAsync(student, "student", address);

        var defaults = await client.GetFromJsonAsync<JsonElement>("/api/notification-preferences");
        Assert.Equal(address, defaults.GetProperty("emailAddress").GetString());
        Assert.Equal(("immediate", true), Choice(defaults, "offer_received"));
        Assert.Equal(("immediate", true), Choice(defaults, "payout_paid"));
        Assert.Equal(("daily", true), Choice(defaults, "feedback_revealed"));

        var changed = await PutAsync(client, new { categories = new object[]
        {
            new { category = "feedback_revealed", delivery = "immediate" },
            new { category = "payout_paid", email = false },
        } });
        Assert.Equal(("immediate", true), Choice(changed, "feedback_revealed"));
        Assert.Equal(("immediate", false), Choice(changed, "payout_paid"));
        Assert.Equal(("immediate", true), Choice(changed, "offer_received"));
        Assert.Equal(changed.ToString(), (await client.GetFromJsonAsync<JsonElement>("/api/notification-preferences")).ToString());
    }

    [Theory]
    [InlineData("""{"categories":[{"category":"no_such_thing","email":true}]}""", "categories[0].category")]
    [InlineData("""{"categories":[{"category":"offer_received"}]}""", "categories[0]")]
    [InlineData("""{"categories":[{"category":"offer_received","email":true},{"category":"offer_received","email":false}]}""", "categories[1].category")]
    [InlineData("""{}""", "categories")]
    [InlineData("""{"categories":[{"category":"offer_received","delivery":"weekly"}]}""", "categories[0].delivery")]
    public async Task ABadPreferencesChange_Is400NamingTheField_AndChangesNothing(string body, string field)
    {
        using var client = await SignInAsync($"s-{Guid.NewGuid():N}", "student", null);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PutAsync("/api/notification-preferences", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(("immediate", true), Choice(await client.GetFromJsonAsync<JsonElement>("/api/notification-preferences"), "offer_received"));
    }

    [Fact]
    public async Task TheUnsubscribeLink_WorksWithoutSigningIn_TurningItsCategoryOff_AndATamperedOrExpiredOneIsRefused()
    {
        var (student, address) = Person("s");
        var organization = Guid.NewGuid();
        using var client = await SignInAsync(student, "student", address);
        var listing = await factory.PublishedListingAsync(organization, "Stream temperature logging");
        await factory.PublishAndWaitAsync(new ApplicationOffered(Snapshots.ApplicationTo(listing, organization, student, "offered"), DateTimeOffset.UtcNow), consumers: 2);
        var email = Assert.Single(await factory.Inbox.EventuallyToAsync(address, 1));
        await RecordedSentAsync(student);
        var token = new Uri(UnsubscribeUrl(email)).Query["?token=".Length..];
        using var anonymous = factory.CreateClient();

        var tampered = token[..^2] + (token[^2] == 'A' ? "BA" : "AA");
        using (var refused = await anonymous.PostAsync($"/api/unsubscribe?token={tampered}", OneClick()))
        {
            await refused.ProblemAsync(HttpStatusCode.BadRequest, "unsubscribe_link_invalid");
        }

        using (var refused = await anonymous.PostAsync("/api/unsubscribe", OneClick()))
        {
            await refused.ProblemAsync(HttpStatusCode.BadRequest, "unsubscribe_link_invalid");
        }

        factory.Clock.PinAt(DateTimeOffset.UtcNow.AddDays(61));
        using (var expired = await anonymous.PostAsync($"/api/unsubscribe?token={token}", OneClick()))
        {
            await expired.ProblemAsync(HttpStatusCode.Gone, "unsubscribe_link_expired");
        }

        factory.Clock.Release();
        Assert.Equal(("immediate", true), Choice(await client.GetFromJsonAsync<JsonElement>("/api/notification-preferences"), "offer_received"));

        using (var unsubscribed = await anonymous.PostAsync($"/api/unsubscribe?token={token}", OneClick()))
        {
            Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
            Assert.Equal(["offer_received"], (await unsubscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        }

        Assert.Equal(("immediate", false), Choice(await client.GetFromJsonAsync<JsonElement>("/api/notification-preferences"), "offer_received"));
        await factory.PublishAndWaitAsync(new ApplicationOffered(Snapshots.ApplicationTo(listing, organization, student, "offered"), DateTimeOffset.UtcNow), consumers: 2);
        Assert.Equal(2, (await client.ItemsAsync()).Count);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await factory.Inbox.ToAsync(address));
    }

    [Fact]
    public async Task TheDailyDigest_GathersTheDaysUnreadNotificationsJustAfter0700_OnceHoweverManyLook()
    {
        var (partner, address) = Person("p");
        var organization = Guid.NewGuid();
        using var client = await SignInAsync(partner, "partner", address, organization);
        var listing = await factory.PublishedListingAsync(organization, "Community garden survey");
        var day = new DateOnly(2031, 3, 12);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        DateTimeOffset At(DateOnly date, int hour, int minute = 0) =>
            new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), zone.GetUtcOffset(date.ToDateTime(new TimeOnly(hour, minute)))).ToUniversalTime();

        factory.Clock.PinAt(At(day.AddDays(-1), 10));
        await factory.PublishAndWaitAsync(new ApplicationSubmitted(Snapshots.ApplicationTo(listing, organization, $"s-{Guid.NewGuid():N}", "submitted"), DateTimeOffset.UtcNow));
        factory.Clock.PinAt(At(day.AddDays(-1), 15));
        await factory.PublishAndWaitAsync(new ApplicationSubmitted(Snapshots.ApplicationTo(listing, organization, $"s-{Guid.NewGuid():N}", "submitted"), DateTimeOffset.UtcNow));
        await factory.PublishAndWaitAsync(new ApplicationSubmitted(Snapshots.ApplicationTo(listing, organization, $"s-{Guid.NewGuid():N}", "submitted"), DateTimeOffset.UtcNow));
        var read = (await client.ItemsAsync())[0].GetProperty("id").GetString();
        using (await client.PostAsync($"/api/notifications/{read}/read", null))
        {
        }

        factory.Clock.PinAt(At(day, 6, 59));
        Assert.Equal(0, await factory.MakeDigestsAsync());
        factory.Clock.PinAt(At(day, 7));
        Assert.Equal(0, await factory.MakeDigestsAsync());
        factory.Clock.PinAt(At(day, 7, 1));
        var made = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => factory.MakeDigestsAsync()));
        Assert.Equal(1, made.Count(n => n > 0));
        var digest = Assert.Single(await factory.Inbox.EventuallyToAsync(address, 1));
        await RecordedSentAsync(partner);

        // Later that morning.
        factory.Clock.PinAt(At(day, 7, 30));
        Assert.Equal(0, await factory.MakeDigestsAsync());
        Assert.Single(await factory.Inbox.ToAsync(address));
        Assert.Equal("Your daily summary: 2 updates", digest.Subject);
        Assert.Contains("Wednesday, March 12", digest.Text, StringComparison.Ordinal);
        Assert.Equal(2, digest.Text.Split("New application", StringSplitOptions.None).Length - 1);
        Assert.StartsWith("<https://api.program.example.edu/api/unsubscribe?token=", digest.Header("List-Unsubscribe"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADigestsUnsubscribeLink_TurnsOffEveryCategoryThePersonGetsDaily()
    {
        var (student, address) = Person("s");
        using var client = await SignInAsync(student, "student", address);
        await PutAsync(client, new { categories = new[] { new { category = "offer_received", email = true, delivery = "daily" } } });
        using var scope = factory.Services.CreateScope();
        var token = scope.ServiceProvider.GetRequiredService<Email.UnsubscribeLinks>().TokenFor(student, Email.UnsubscribeLinks.DailyDigest);
        using var anonymous = factory.CreateClient();

        using var unsubscribed = await anonymous.PostAsync($"/api/unsubscribe?token={token}", OneClick());

        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        var preferences = await client.GetFromJsonAsync<JsonElement>("/api/notification-preferences");
        Assert.Equal(("daily", false), Choice(preferences, "offer_received"));
        Assert.Equal(("daily", false), Choice(preferences, "feedback_revealed"));
        Assert.Equal(("immediate", true), Choice(preferences, "payout_paid"));
    }

    public void Dispose() => factory.Clock.Release();

    private static (string Subject, string Address) Person(string role)
    {
        var subject = $"{role}-{Guid.NewGuid():N}";
        return (subject, $"{subject}@example.edu");
    }

    /// <summary>A person uses the platform once with this token, so the service knows their address.</summary>
    private async Task<HttpClient> SignInAsync(string subject, string role, string? email, Guid? organization = null)
    {
        var client = factory.CreateClientAs(subject, role, organization?.ToString(), email: email);
        using var response = await client.GetAsync("/api/notifications/summary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static async Task<JsonElement> PutAsync(HttpClient client, object body)
    {
        using var response = await client.PutAsJsonAsync("/api/notification-preferences", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string Delivery, bool Email) Choice(JsonElement preferences, string category)
    {
        var choice = preferences.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == category);
        return (choice.GetProperty("delivery").GetString()!, choice.GetProperty("email").GetBoolean());
    }

    /// <summary>
    /// Waits until the sender has recorded the person's emails sent, not only the server received them: a test that then
    /// pins the clock past their lease would otherwise play a sender lost mid-send, and another would send them again.
    /// </summary>
    private Task RecordedSentAsync(string subject) => Eventually.HoldsAsync(
        async () => await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM outgoing_emails WHERE recipient_subject = '{subject}' AND sent_at IS NULL") == 0,
        $"{subject}'s emails are recorded sent");

    private static long Gauge(MetricCollector<long> gauge)
    {
        gauge.RecordObservableInstruments();
        return gauge.LastMeasurement?.Value ?? -1;
    }

    private static string UnsubscribeUrl(ReceivedEmail email) => email.Header("List-Unsubscribe").Trim('<', '>');

    private static FormUrlEncodedContent OneClick() => new([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);

    private async Task<long> QueuedForAsync(string organization)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var notification = await db.Notifications.Where(n => n.RecipientKey == organization).Select(n => n.Id).SingleAsync();
        return await db.OutgoingEmails.LongCountAsync(e => e.MessageKey.StartsWith($"n:{notification:N}:"));
    }
}
