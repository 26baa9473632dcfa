using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Apis;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Listings.Jobs;
using MicroInternships.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MicroInternships.Listings.Tests;

/// <summary>
/// Organizations ask to join from the public site: the contact confirms their email through the emailed link,
/// coordinators approve (organization, invitation, email) or decline (note by email), and personal data does not stay
/// longer than it is needed, nor ever in the event log.
/// </summary>
[Collection(ListingsCollection.Name)]
public sealed class PartnerInterestTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);
    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task AConfirmedRequest_Approved_CreatesTheOrganization_AndInvitesTheContact_WhoBecomesItsPartner()
    {
        var domain = NewDomain();
        var (name, email) = ($"Harbor Books {domain[..6]}", $"Robin.Park@{domain}");

        var receipt = await _visitor.PostAsJsonAsync("/api/partner-interest", Request(name, email)).ReadAsync(HttpStatusCode.Accepted);
        Assert.True(receipt.GetProperty("confirmBy").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(47));
        var id = await IdOfAsync(name);
        Assert.DoesNotContain(await PendingNamesAsync(), n => n == name);

        var confirmed = await _visitor.PostAsJsonAsync("/api/partner-interest/confirm", new { token = await ConfirmationTokenAsync(email.ToLowerInvariant()) })
            .ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("pending", name), (confirmed.GetProperty("status").GetString(), confirmed.GetProperty("organizationName").GetString()));
        Assert.Contains(await PendingNamesAsync(), n => n == name);
        await _scenario.Coordinator.GetAsync("/api/partner-interest?status=waiting").ValidationAsync("status");
        var shown = await _scenario.Coordinator.GetAsync($"/api/partner-interest/{id}").ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("Robin Park", email.ToLowerInvariant()), (shown.GetProperty("contactName").GetString(), shown.GetProperty("contactEmail").GetString()));

        var approved = await _scenario.Coordinator.PostAsync($"/api/partner-interest/{id}/approve", null).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var organization = approved.GetProperty("organizationId").GetGuid();
        var created = await _scenario.Coordinator.GetAsync($"/api/organizations/{organization}").ReadAsync(HttpStatusCode.OK);
        Assert.Equal((name, $"https://{domain}"), (created.GetProperty("name").GetString(), created.GetProperty("website").GetString()));
        var invitation = await LinkTokenAsync(email.ToLowerInvariant(), "/invitations/accept?token=");
        var sub = $"p-{Guid.NewGuid():N}";
        var person = Authorized(TestTokens.For(sub, "student", email: email.ToLowerInvariant()));
        var accepted = await person.PostAsJsonAsync("/api/invitations/accept", new { token = invitation }).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(organization, accepted.GetProperty("organizationId").GetGuid());
        await Authorized(TestTokens.For(sub, "partner", organization.ToString())).GetAsync("/api/course-requests").ReadAsync(HttpStatusCode.OK);

        Assert.Equal(["1", "2", "3"], await VersionsAsync(id));
        var approvedPage = await _scenario.Coordinator.GetAsync("/api/partner-interest?status=approved&limit=100").ReadAsync(HttpStatusCode.OK);
        Assert.Contains(approvedPage.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(await PendingNamesAsync(), n => n == name);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM event_log WHERE payload::text ILIKE '%robin.park%' OR payload::text ILIKE '%Robin Park%' OR payload::text LIKE '%token=%'"));
        await _scenario.Coordinator.PostAsync($"/api/partner-interest/{id}/approve", null).ProblemAsync(HttpStatusCode.Conflict, "partner_interest_decided");
    }

    [Fact]
    public async Task TheHoneypot_IsAnsweredAsAnyRequest_AndNothingIsKeptOrSent()
    {
        var domain = NewDomain();
        var body = Request($"Bot Co {domain[..6]}", $"bot@{domain}");
        body["leaveEmpty"] = "https://spam.example";

        await _visitor.PostAsJsonAsync("/api/partner-interest", body).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM partner_interests WHERE organization_name = 'Bot Co {domain[..6]}'"));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE payload::text ILIKE '%{domain}%'"));
    }

    [Fact]
    public async Task EveryBadField_IsNamed_AndNothingIsWritten()
    {
        var body = new Dictionary<string, object?>
        {
            ["organizationName"] = "X", ["website"] = "ftp://files.example", ["contactName"] = "", ["contactEmail"] = "not an address", ["projectKinds"] = "short",
        };

        await _visitor.PostAsJsonAsync("/api/partner-interest", body).ValidationAsync("organizationName", "website", "contactName", "contactEmail", "projectKinds");
        await _visitor.PostAsJsonAsync("/api/partner-interest", new Dictionary<string, object?> { ["organizationName"] = "Null\0Co" })
            .ValidationAsync("organizationName", "website", "contactName", "contactEmail", "projectKinds");
        await _visitor.PostAsJsonAsync("/api/partner-interest/confirm", new { token = "short" }).ValidationAsync("token");
        var lines = Request("Two\nLines Co", $"{new string('a', 250)}@x.example");
        lines["contactName"] = "Robin\r\nPark";
        lines["website"] = "https://lines.example/\u0000";
        await _visitor.PostAsJsonAsync("/api/partner-interest", lines).ValidationAsync("organizationName", "contactName", "contactEmail", "website");
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM partner_interests WHERE organization_name IN ('X', 'Null')"));
    }

    [Fact]
    public async Task OneRequestPerDomain_WaitsForCoordinators_ButAddressesAtSharedProvidersAreEachTheirOwn()
    {
        var domain = NewDomain();
        await SubmitAsync($"First {domain[..6]}", $"one@{domain}");
        await SubmitAsync($"Second {domain[..6]}", $"two@{domain}");
        var second = await ConfirmationTokenAsync($"two@{domain}");
        await ConfirmAsync($"one@{domain}");

        await _visitor.PostAsJsonAsync("/api/partner-interest/confirm", new { token = second }).ProblemAsync(HttpStatusCode.Conflict, "partner_interest_pending");
        await _visitor.PostAsJsonAsync("/api/partner-interest", Request($"Third {domain[..6]}", $"three@{domain}"))
            .ProblemAsync(HttpStatusCode.Conflict, "partner_interest_pending");

        var (first, other) = ($"shop-{Guid.NewGuid():N}@gmail.com", $"studio-{Guid.NewGuid():N}@gmail.com");
        await SubmitAsync("Corner Shop", first);
        await SubmitAsync("Small Studio", other);
        await ConfirmAsync(first);
        await ConfirmAsync(other);
    }

    [Fact]
    public async Task AConfirmationLink_AlteredIsNotFound_ExpiredIsRefused_AndASecondClickChangesNothing()
    {
        var (domain, lateDomain) = (NewDomain(), NewDomain());
        await SubmitAsync($"Clicks {domain[..6]}", $"click@{domain}");
        await SubmitAsync($"Late {lateDomain[..6]}", $"late@{lateDomain}");
        var token = await ConfirmationTokenAsync($"click@{domain}");
        var altered = (token[0] == 'A' ? "B" : "A") + token[1..];
        var late = await ConfirmationTokenAsync($"late@{lateDomain}");
        await factory.Database.ScalarAsync<int>($"UPDATE partner_interests SET confirm_by = now() - interval '1 minute' WHERE contact_email = 'late@{lateDomain}' RETURNING 1");

        await _visitor.PostAsJsonAsync("/api/partner-interest/confirm", new { token = altered }).ProblemAsync(HttpStatusCode.NotFound, "partner_interest_not_found");
        await _visitor.PostAsJsonAsync("/api/partner-interest/confirm", new { token = late }).ProblemAsync(HttpStatusCode.Conflict, "confirmation_expired");
        await _visitor.PostAsJsonAsync("/api/partner-interest/confirm", new { token }).ReadAsync(HttpStatusCode.OK);
        var again = await _visitor.PostAsJsonAsync("/api/partner-interest/confirm", new { token }).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("pending", again.GetProperty("status").GetString());
        Assert.Equal(["1", "2"], await VersionsAsync(await IdOfAsync($"Clicks {domain[..6]}")));
    }

    [Fact]
    public async Task OneAddress_GetsAtMostThreeConfirmationEmailsWaiting()
    {
        var email = $"flooded@{NewDomain()}";
        for (var i = 0; i < 5; i++)
        {
            await SubmitAsync($"Flood {i}", email);
        }

        Assert.Equal(PartnerInterestApi.MaxUnconfirmedPerAddress, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(ContactEmailRequested).FullName},%' AND payload->>'address' = '{email}'"));
    }

    [Fact]
    public async Task ADecline_EmailsTheNote_AndItsPersonalDataIsErasedAfterNinetyDays_AsIsAnUnconfirmedRequestsWhenItsLinkExpires()
    {
        var (domain, silentDomain) = (NewDomain(), NewDomain());
        var (declinedName, unconfirmedName) = ($"Declined {domain[..6]}", $"Silent {silentDomain[..6]}");
        await SubmitAsync(declinedName, $"dee@{domain}");
        await ConfirmAsync($"dee@{domain}");
        await SubmitAsync(unconfirmedName, $"quiet@{silentDomain}");
        var declined = await IdOfAsync(declinedName);
        var unconfirmed = await IdOfAsync(unconfirmedName);

        await _scenario.PartnerOf(Guid.NewGuid()).PostAsJsonAsync($"/api/partner-interest/{declined}/decline", new { note = "No" })
            .ProblemAsync(HttpStatusCode.Forbidden, "coordinators_only");
        await _scenario.Coordinator.PostAsJsonAsync($"/api/partner-interest/{unconfirmed}/decline", new { note = "Unseen" })
            .ProblemAsync(HttpStatusCode.NotFound, "partner_interest_not_found");
        var answer = await _scenario.Coordinator.PostAsJsonAsync($"/api/partner-interest/{declined}/decline", new { note = "We place students in the spring only." })
            .ReadAsync(HttpStatusCode.OK);
        Assert.Equal("declined", answer.GetProperty("status").GetString());
        var email = await EmailToAsync($"dee@{domain}", "Your request for");
        Assert.Contains("We place students in the spring only.", email.GetProperty("text").GetString());

        var now = DateTimeOffset.UtcNow;
        await EraseAtAsync(now.AddDays(1));
        Assert.Equal("unconfirmed", await factory.Database.ScalarAsync<string>($"SELECT status FROM partner_interests WHERE id = '{unconfirmed}'"));
        await EraseAtAsync(now.AddDays(3));
        Assert.NotNull(await factory.Database.ScalarAsync<string>($"SELECT contact_email FROM partner_interests WHERE id = '{declined}'"));
        Assert.Equal("expired", await factory.Database.ScalarAsync<string>($"SELECT status FROM partner_interests WHERE id = '{unconfirmed}'"));
        await EraseAtAsync(now.AddDays(91));

        foreach (var id in new[] { declined, unconfirmed })
        {
            Assert.Equal(0, await factory.Database.ScalarAsync<long>($"""
                SELECT count(*) FROM partner_interests
                WHERE id = '{id}' AND (contact_email IS NOT NULL OR contact_name IS NOT NULL OR website IS NOT NULL OR project_kinds IS NOT NULL
                    OR decline_note IS NOT NULL OR domain_key IS NOT NULL OR confirmation_hash IS NOT NULL OR erased_at IS NULL)
                """));
            Assert.Equal("true", await factory.Database.ScalarAsync<string>($"""
                SELECT payload->'interest'->>'personalDataErased' FROM outbox_messages
                WHERE message_type LIKE '{typeof(PartnerInterestErased).FullName},%' AND payload->'interest'->>'interestId' = '{id}'
                """));
        }

        var erased = await _scenario.Coordinator.GetAsync($"/api/partner-interest/{declined}").ReadAsync(HttpStatusCode.OK);
        Assert.Equal((declinedName, JsonValueKind.Null), (erased.GetProperty("organizationName").GetString(), erased.GetProperty("contactEmail").ValueKind));
    }

    private static string NewDomain() => $"{Guid.NewGuid():N}.example";

    private static Dictionary<string, object?> Request(string organizationName, string email) => new()
    {
        ["organizationName"] = organizationName,
        ["website"] = $"https://{email[(email.IndexOf('@') + 1)..]}",
        ["contactName"] = "Robin Park",
        ["contactEmail"] = email,
        ["projectKinds"] = "Market research and a customer survey for our new store.",
    };

    private Task SubmitAsync(string organizationName, string email) =>
        _visitor.PostAsJsonAsync("/api/partner-interest", Request(organizationName, email)).ReadAsync(HttpStatusCode.Accepted);

    private async Task ConfirmAsync(string email) =>
        await _visitor.PostAsJsonAsync("/api/partner-interest/confirm", new { token = await ConfirmationTokenAsync(email) }).ReadAsync(HttpStatusCode.OK);

    private Task<string> ConfirmationTokenAsync(string email) => LinkTokenAsync(email, "/partners/confirm?token=");

    /// <summary>The token of the newest link of <paramref name="prefix"/> emailed to <paramref name="email"/>: what the person would click.</summary>
    private async Task<string> LinkTokenAsync(string email, string prefix)
    {
        var path = await factory.Database.ScalarAsync<string>($"""
            SELECT payload->>'linkPath' FROM outbox_messages
            WHERE message_type LIKE '{typeof(ContactEmailRequested).FullName},%' AND payload->>'address' = '{email}' AND payload->>'linkPath' LIKE '{prefix}%'
            ORDER BY created_at DESC LIMIT 1
            """);
        Assert.NotNull(path);
        return path[prefix.Length..];
    }

    private async Task<JsonElement> EmailToAsync(string email, string subjectStart) => JsonDocument.Parse((await factory.Database.ScalarAsync<string>($"""
        SELECT payload::text FROM outbox_messages
        WHERE message_type LIKE '{typeof(ContactEmailRequested).FullName},%' AND payload->>'address' = '{email}' AND payload->>'subject' LIKE '{subjectStart}%'
        """))!).RootElement;

    private Task<Guid> IdOfAsync(string organizationName) =>
        factory.Database.ScalarAsync<Guid>($"SELECT id FROM partner_interests WHERE organization_name = '{organizationName}'");

    private async Task<List<string?>> PendingNamesAsync()
    {
        var page = await _scenario.Coordinator.GetAsync("/api/partner-interest?limit=100").ReadAsync(HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("organizationName").GetString())];
    }

    private async Task<List<string>> VersionsAsync(Guid id)
    {
        var versions = await factory.Database.ScalarAsync<string>($"""
            SELECT string_agg(payload->'interest'->>'version', ',' ORDER BY payload->'interest'->>'version') FROM event_log
            WHERE message_type LIKE 'MicroInternships.Contracts.Listings.PartnerInterest%' AND payload->'interest'->>'interestId' = '{id}'
            """);
        return [.. (versions ?? "").Split(',')];
    }

    private async Task<int> EraseAtAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var eraser = new PartnerInterestEraser(
            scope.ServiceProvider.GetRequiredService<ListingsDbContext>(),
            new FakeTimeProvider(now),
            scope.ServiceProvider.GetRequiredService<IOptions<PartnerInterestOptions>>());
        return await eraser.EraseDueAsync(CancellationToken.None);
    }

    private HttpClient Authorized(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
