using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MicroInternships.Testing;

namespace MicroInternships.EndToEnd.Tests.Outreach;

/// <summary>Through the gateway: what visitors read without a token, faculty and partners finding each other, and a partner who left.</summary>
[Collection(SystemCollection.Name)]
public sealed class OutreachJourneyTests(SystemFixture system)
{
    private static readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task A_visitor_reads_open_projects_the_Institute_and_the_figures_without_a_token_and_never_a_draft()
    {
        var word = $"w{Guid.NewGuid():N}"[..11];
        var (partner, _, _) = await PartnerOfNewOrganizationAsync();
        var open = await GatewayCalls.PublishedListingAsync(partner, $"Open {word} study", "survey design");
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, "/api/listings", GatewayCalls.ListingBody($"Draft {word} study"), HttpStatusCode.Created);
        var coordinator = await _calls.ClientAsync(new { sub = "c-outreach", role = "coordinator" });
        var institute = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, "/api/events?limit=1")).GetProperty("items").EnumerateArray().FirstOrDefault();
        using var visitor = system.CreateGatewayClient();

        var found = await GatewayCalls.SendAsync(visitor, HttpMethod.Get, $"/api/public/listings?q={word}");
        var figures = await GatewayCalls.SendAsync(visitor, HttpMethod.Get, "/api/v1/public/figures");

        Assert.Equal([open], found.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.False(found.GetProperty("items")[0].TryGetProperty("organizationId", out _));
        Assert.True(figures.TryGetProperty("studentsPlaced", out _));
        if (institute.ValueKind == JsonValueKind.Object)
        {
            var shown = await GatewayCalls.SendAsync(visitor, HttpMethod.Get, $"/api/public/events/{institute.GetProperty("id").GetString()}");
            Assert.False(shown.TryGetProperty("confirmedCount", out _));
        }
    }

    [Fact]
    public async Task Three_needs_of_different_fit_come_back_in_order_the_partner_proposes_and_the_faculty_member_accepts()
    {
        var (skillA, skillB, discipline) = (Unique(), Unique(), Unique());
        var (partner, _, _) = await PartnerOfNewOrganizationAsync();
        var listing = await GatewayCalls.SendAsync(partner, HttpMethod.Post, "/api/listings",
            ListingBody($"Fit {skillA} project", [skillA, skillB], discipline), HttpStatusCode.Created);
        var listingId = listing.GetProperty("id").GetString()!;
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/listings/{listingId}/publish");
        var faculty = await _calls.ClientAsync(new { sub = $"f-{Guid.NewGuid():N}", role = "faculty", name = "Dr. Rivera" });
        var course = await GatewayCalls.SendAsync(faculty, HttpMethod.Post, "/api/courses",
            new { code = "MKT 340", title = "Marketing Research", term = "Spring 2027", department = "Marketing", disciplines = new[] { "Marketing" }, skills = new[] { "statistics" }, enrollment = 30 },
            HttpStatusCode.Created);
        var courseId = course.GetProperty("id").GetString()!;

        var best = await NeedAsync(faculty, courseId, [skillA, skillB], [discipline], 120);
        var second = await NeedAsync(faculty, courseId, ["unrelated"], [discipline], 10);
        var third = await NeedAsync(faculty, courseId, [skillB], [], 10);

        var matches = await GatewayCalls.SendAsync(partner, HttpMethod.Get, "/api/course-needs/matches");
        var mine = matches.GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("need").GetProperty("courseId").GetString() == courseId)
            .Select(m => m.GetProperty("need").GetProperty("id").GetString()).ToList();
        Assert.Equal([best, second, third], mine);

        var proposal = await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/listings/{listingId}/course-requests",
            new { needId = best, message = "Our survey project fits your need." }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(faculty, HttpMethod.Post, $"/api/course-requests/{proposal.GetProperty("id").GetString()}/accept");

        var linked = await GatewayCalls.SendAsync(partner, HttpMethod.Get, $"/api/listings/{listingId}");
        Assert.Contains(courseId, linked.GetProperty("courseIds").EnumerateArray().Select(c => c.GetString()));
        var need = await GatewayCalls.SendAsync(faculty, HttpMethod.Get, $"/api/course-needs/{best}");
        Assert.Equal(1, need.GetProperty("projectsAccepted").GetInt32());
    }

    [Fact]
    public async Task A_removed_members_next_call_as_the_organizations_partner_is_403_in_every_service()
    {
        var (partner, organization, sub) = await PartnerOfNewOrganizationAsync();
        string[] calls = ["/api/course-requests", "/api/placements", "/api/payouts", "/api/events", "/api/notifications", "/api/insights/summary"];
        foreach (var path in calls)
        {
            using var before = await partner.GetAsync(path);
            Assert.NotEqual("membership_removed", await CodeOfAsync(before));
        }

        var coordinator = await _calls.ClientAsync(new { sub = "c-outreach", role = "coordinator" });
        var members = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, $"/api/organizations/{organization}/members");
        Assert.Contains(sub, members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("sub").GetString()));
        await GatewayCalls.SendAsync(coordinator, HttpMethod.Delete, $"/api/organizations/{organization}/members/{sub}", expected: HttpStatusCode.NoContent);
        var removedAt = Stopwatch.StartNew();

        foreach (var path in calls)
        {
            await GatewayCalls.EventuallyAsync(async () =>
            {
                using var after = await partner.GetAsync(path);
                return after.StatusCode == HttpStatusCode.Forbidden && await CodeOfAsync(after) == "membership_removed" ? path : null;
            });
        }

        // How long the slowest service took to hear of it, for the record; the promise is "within a second".
        Console.WriteLine($"Every service refused the removed member {removedAt.ElapsedMilliseconds} ms after the removal was answered.");
    }

    [Fact]
    public async Task An_invited_person_accepts_and_is_a_member_and_the_used_link_is_refused_after()
    {
        var coordinator = await _calls.ClientAsync(new { sub = "c-outreach", role = "coordinator" });
        var organization = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = "Invited Co" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var invitation = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/organizations/{organization}/invitations",
            new { email = "dana@invited.example" }, HttpStatusCode.Created);
        var token = invitation.GetProperty("token").GetString()!;
        var sub = $"p-{Guid.NewGuid():N}";
        var invited = await _calls.ClientAsync(new { sub, role = "student", email = "Dana@Invited.example" });
        var stranger = await _calls.ClientAsync(new { sub = $"p-{Guid.NewGuid():N}", role = "student", email = "someone@else.example" });

        await GatewayCalls.SendAsync(stranger, HttpMethod.Post, "/api/invitations/accept", new { token }, HttpStatusCode.Forbidden);
        var accepted = await GatewayCalls.SendAsync(invited, HttpMethod.Post, "/api/invitations/accept", new { token });
        await GatewayCalls.SendAsync(invited, HttpMethod.Post, "/api/invitations/accept", new { token }, HttpStatusCode.Conflict);

        Assert.Equal("Invited Co", accepted.GetProperty("organizationName").GetString());
        var members = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, $"/api/organizations/{organization}/members");
        Assert.Equal([sub], members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("sub").GetString()));
        var asPartner = await _calls.ClientAsync(new { sub, role = "partner", org = organization, email = "dana@invited.example" });
        await GatewayCalls.SendAsync(asPartner, HttpMethod.Post, "/api/listings", GatewayCalls.ListingBody("Invited partner's first project"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_organization_asks_to_join_confirms_by_email_is_approved_and_its_contact_posts_as_its_partner()
    {
        var domain = $"{Unique()}.example";
        var (name, contact) = ($"Harbor Books {domain[..6]}", $"robin@{domain}");
        using var visitor = system.CreateGatewayClient();
        using var inbox = system.MailInbox();

        await GatewayCalls.SendAsync(visitor, HttpMethod.Post, "/api/partner-interest", new
        {
            organizationName = name, website = $"https://{domain}", contactName = "Robin Park", contactEmail = contact,
            projectKinds = "A customer survey for our new store.",
        }, HttpStatusCode.Accepted);
        var confirmation = Assert.Single(await inbox.EventuallyToAsync(contact, 1));
        await GatewayCalls.SendAsync(visitor, HttpMethod.Post, "/api/partner-interest/confirm", new { token = LinkToken(confirmation, "/partners/confirm") });
        var coordinator = await _calls.ClientAsync(new { sub = "c-outreach", role = "coordinator" });
        var pending = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, "/api/partner-interest?limit=100");
        var request = pending.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("organizationName").GetString() == name);
        var approved = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/partner-interest/{request.GetProperty("id").GetString()}/approve");
        var organization = approved.GetProperty("organizationId").GetString()!;

        var invitation = (await inbox.EventuallyToAsync(contact, 2))[1];
        Assert.Contains(name, invitation.Subject, StringComparison.Ordinal);
        var sub = $"p-{Guid.NewGuid():N}";
        var person = await _calls.ClientAsync(new { sub, role = "student", email = contact });
        await GatewayCalls.SendAsync(person, HttpMethod.Post, "/api/invitations/accept", new { token = LinkToken(invitation, "/invitations/accept") });
        var asPartner = await _calls.ClientAsync(new { sub, role = "partner", org = organization, email = contact });
        await GatewayCalls.SendAsync(asPartner, HttpMethod.Post, "/api/listings", GatewayCalls.ListingBody($"{name}'s first project"), HttpStatusCode.Created);
    }

    private static string LinkToken(ReceivedEmail email, string page)
    {
        var link = Regex.Match(email.Text, $@"https?://\S+{page}\?token=(?<token>[A-Za-z0-9_-]+)");
        Assert.True(link.Success, $"no {page} link in: {email.Text}");
        return link.Groups["token"].Value;
    }

    private async Task<(HttpClient Partner, string Organization, string Sub)> PartnerOfNewOrganizationAsync()
    {
        var coordinator = await _calls.ClientAsync(new { sub = "c-outreach", role = "coordinator" });
        var organization = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = "Outreach Test Co" }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var sub = $"p-{Guid.NewGuid():N}";
        var partner = await _calls.ClientAsync(new { sub, role = "partner", org = organization, email = "pat@outreach.example" });
        return (partner, organization, sub);
    }

    private static async Task<string> NeedAsync(HttpClient faculty, string courseId, string[] skills, string[] disciplines, int startsInDays)
    {
        var need = await GatewayCalls.SendAsync(faculty, HttpMethod.Post, $"/api/courses/{courseId}/needs", new
        {
            termStart = _today.AddDays(startsInDays),
            termEnd = _today.AddDays(startsInDays + 70),
            projectsWanted = 2,
            skills,
            disciplines,
            learningOutcomes = "Students design and run a real project for a client.",
        }, HttpStatusCode.Created);
        return need.GetProperty("id").GetString()!;
    }

    private static object ListingBody(string title, string[] skills, string discipline) => new
    {
        title,
        summary = $"{title}, in twenty hours.",
        description = "Study the material, find the themes, present three recommendations.",
        skills,
        discipline,
        estimatedHours = 20,
        compensation = new { amountCents = 40_000, currency = "USD" },
        openings = 1,
        applicationDeadline = DateTimeOffset.UtcNow.AddDays(10),
        workMode = "remote",
    };

    private static async Task<string?> CodeOfAsync(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()
            : null;

    private static string Unique() => "t" + Guid.NewGuid().ToString("N")[..10];
}
