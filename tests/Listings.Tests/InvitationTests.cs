using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using MicroInternships.Contracts.Listings;
using MicroInternships.Testing;
using Microsoft.AspNetCore.Hosting;

namespace MicroInternships.Listings.Tests;

/// <summary>Coordinators invite people to act for an organization; only the invited, verified email accepts, once, within a week.</summary>
[Collection(ListingsCollection.Name)]
public sealed class InvitationTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task TheInvitedPerson_Accepts_AndActsAsThePartnerOfTheOrganization_EvenWhereUnknownPartnersAreRefused()
    {
        var organization = await _scenario.CreateOrganizationAsync("Invited Co");
        var (invitation, token) = await InviteAsync(organization, "Dana.Lee@Invited.example");
        var sub = $"p-{Guid.NewGuid():N}";
        await using var strict = factory.WithWebHostBuilder(builder => builder.UseSetting("Identity:Memberships:AllowUnknownMembers", "false"));
        using var asPartner = Client(strict.CreateClient(), TestTokens.For(sub, "partner", organization.ToString()));
        await asPartner.GetAsync("/api/course-requests").ProblemAsync(HttpStatusCode.Forbidden, "not_a_member");

        var accepted = await Person(sub, "dana.lee@invited.example").PostAsJsonAsync("/api/invitations/accept", new { token }).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("Invited Co", accepted.GetProperty("organizationName").GetString());
        await asPartner.GetAsync("/api/course-requests").ReadAsync(HttpStatusCode.OK);
        var listed = await _scenario.Coordinator.GetAsync($"/api/organizations/{organization}/invitations").ReadAsync(HttpStatusCode.OK);
        var shown = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal("accepted", shown.GetProperty("status").GetString());
        Assert.Equal(sub, shown.GetProperty("acceptedBy").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shown.GetProperty("token").ValueKind);
        Assert.Equal(1, await OutboxCountAsync<InvitationAccepted>("invitation", "invitationId", invitation));
        Assert.Equal(1, await OutboxCountAsync<OrganizationMemberAdded>("membership", "subject", sub));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE payload::text ILIKE '%dana.lee%' OR payload::text LIKE '%{token}%'"));
    }

    [Fact]
    public async Task AnInvitation_WorksOnce()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var (_, token) = await InviteAsync(organization, "once@invited.example");
        await Person($"p-{Guid.NewGuid():N}", "once@invited.example").PostAsJsonAsync("/api/invitations/accept", new { token }).ReadAsync(HttpStatusCode.OK);

        await Person($"p-{Guid.NewGuid():N}", "once@invited.example").PostAsJsonAsync("/api/invitations/accept", new { token })
            .ProblemAsync(HttpStatusCode.Conflict, "invitation_used");
    }

    [Fact]
    public async Task AnotherEmail_AnUnverifiedOne_AndAnAlteredToken_AreRefused_AndTheInvitationStillWaitsForItsPerson()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var (_, token) = await InviteAsync(organization, "right@invited.example");
        var unverified = TestTokens.WithClaims(new Claim("sub", "p-unverified"), new Claim("role", "student"), new Claim("email", "right@invited.example"));
        var altered = (token[0] == 'A' ? "B" : "A") + token[1..];

        await Person("p-other", "wrong@invited.example").PostAsJsonAsync("/api/invitations/accept", new { token })
            .ProblemAsync(HttpStatusCode.Forbidden, "invitation_email_mismatch");
        await Client(factory.CreateClient(), unverified).PostAsJsonAsync("/api/invitations/accept", new { token })
            .ProblemAsync(HttpStatusCode.Forbidden, "email_not_verified");
        await Person("p-right", "right@invited.example").PostAsJsonAsync("/api/invitations/accept", new { token = altered })
            .ProblemAsync(HttpStatusCode.NotFound, "invitation_not_found");
        await Person("p-right", "right@invited.example").PostAsJsonAsync("/api/invitations/accept", new { token = "short" }).ValidationAsync("token");

        await Person("p-right", "right@invited.example").PostAsJsonAsync("/api/invitations/accept", new { token }).ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnExpiredOrRevokedInvitation_IsRefused()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var (expired, expiredToken) = await InviteAsync(organization, "late@invited.example");
        var (revoked, revokedToken) = await InviteAsync(organization, "withdrawn@invited.example");
        Assert.Equal(1, await factory.Database.ScalarAsync<int>($"UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = '{expired}' RETURNING 1"));

        await _scenario.Coordinator.PostAsync($"/api/invitations/{revoked}/revoke", null).ReadAsync(HttpStatusCode.OK);
        await _scenario.Coordinator.PostAsync($"/api/invitations/{revoked}/revoke", null).ProblemAsync(HttpStatusCode.Conflict, "invitation_revoked");
        await _scenario.Coordinator.PostAsync($"/api/invitations/{expired}/revoke", null).ProblemAsync(HttpStatusCode.Conflict, "invitation_expired");

        await Person("p-late", "late@invited.example").PostAsJsonAsync("/api/invitations/accept", new { token = expiredToken })
            .ProblemAsync(HttpStatusCode.Conflict, "invitation_expired");
        await Person("p-withdrawn", "withdrawn@invited.example").PostAsJsonAsync("/api/invitations/accept", new { token = revokedToken })
            .ProblemAsync(HttpStatusCode.Conflict, "invitation_revoked");
        var listed = await _scenario.Coordinator.GetAsync($"/api/organizations/{organization}/invitations").ReadAsync(HttpStatusCode.OK);
        Assert.Equal(["expired", "revoked"], listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).Order());
    }

    [Fact]
    public async Task OnlyCoordinatorsInvite_AnAddressMustBeOne_AndAnUnknownOrganizationIs404()
    {
        var organization = await _scenario.CreateOrganizationAsync();

        await _scenario.PartnerOf(organization).PostAsJsonAsync($"/api/organizations/{organization}/invitations", new { email = "a@b.example" })
            .ProblemAsync(HttpStatusCode.Forbidden, "coordinators_only");
        await _scenario.Coordinator.PostAsJsonAsync($"/api/organizations/{organization}/invitations", new { email = "two@b.example, three@b.example" })
            .ValidationAsync("email");
        await _scenario.Coordinator.PostAsJsonAsync($"/api/organizations/{Guid.NewGuid()}/invitations", new { email = "a@b.example" })
            .ProblemAsync(HttpStatusCode.NotFound, "organization_not_found");
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM invitations WHERE organization_id = '{organization}'"));
    }

    private async Task<(Guid Invitation, string Token)> InviteAsync(Guid organization, string email)
    {
        var sent = await _scenario.Coordinator.PostAsJsonAsync($"/api/organizations/{organization}/invitations", new { email }).ReadAsync(HttpStatusCode.Created);
        Assert.Equal("pending", sent.GetProperty("status").GetString());
        return (sent.GetProperty("id").GetGuid(), sent.GetProperty("token").GetString()!);
    }

    /// <summary>Someone signed in who is no organization's partner yet, with the email their provider verified.</summary>
    private HttpClient Person(string sub, string email) => Client(factory.CreateClient(), TestTokens.For(sub, "student", email: email));

    private static HttpClient Client(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<long> OutboxCountAsync<TEvent>(string snapshot, string field, object value) => factory.Database.ScalarAsync<long>(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(TEvent).FullName},%' AND payload->'{snapshot}'->>'{field}' = '{value}'");
}
