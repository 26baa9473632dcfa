using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MicroInternships.Contracts.Listings;
using MicroInternships.Testing;
using Microsoft.AspNetCore.Hosting;

namespace MicroInternships.Listings.Tests;

/// <summary>Who may act for an organization: its members, whom coordinators list and remove; the gate refuses the rest.</summary>
[Collection(ListingsCollection.Name)]
public sealed class MembershipTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task ACoordinatorRemovesAMember_WhoseNextCallAsThePartnerIs403_AndRemovingAgainChangesNothing()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var sub = $"p-{Guid.NewGuid():N}";
        await JoinAsync(organization, sub, "pat@example.com");
        var partner = _scenario.PartnerOf(organization, sub);
        using (var before = await partner.GetAsync("/api/course-requests"))
        {
            await before.ReadAsync(HttpStatusCode.OK);
        }

        var members = await _scenario.Coordinator.GetAsync($"/api/organizations/{organization}/members").ReadAsync(HttpStatusCode.OK);
        var member = Assert.Single(members.GetProperty("items").EnumerateArray());
        Assert.Equal(sub, member.GetProperty("sub").GetString());
        Assert.Equal("pat@example.com", member.GetProperty("email").GetString());
        Assert.Equal("active", member.GetProperty("status").GetString());

        using var removed = await _scenario.Coordinator.DeleteAsync($"/api/organizations/{organization}/members/{Uri.EscapeDataString(sub)}");
        using var again = await _scenario.Coordinator.DeleteAsync($"/api/organizations/{organization}/members/{Uri.EscapeDataString(sub)}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        using var after = await partner.GetAsync("/api/course-requests");
        await after.ProblemAsync(HttpStatusCode.Forbidden, "membership_removed");
        using var writing = await partner.PostAsJsonAsync("/api/listings", ListingsScenario.ListingBody());
        await writing.ProblemAsync(HttpStatusCode.Forbidden, "membership_removed");
        Assert.Equal(1, await EventCountAsync<OrganizationMemberRemoved>(organization, sub));
        var listed = await _scenario.Coordinator.GetAsync($"/api/organizations/{organization}/members?status=removed").ReadAsync(HttpStatusCode.OK);
        Assert.Equal("removed", Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ADevelopmentTokenRecord_LeavesARemovedMemberRemoved_AndAnnouncesANewMemberOnce()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var sub = $"p-{Guid.NewGuid():N}";
        await JoinAsync(organization, sub, null);
        await JoinAsync(organization, sub, null);
        (await _scenario.Coordinator.DeleteAsync($"/api/organizations/{organization}/members/{sub}")).Dispose();

        await JoinAsync(organization, sub, null);

        Assert.Equal(1, await EventCountAsync<OrganizationMemberAdded>(organization, sub));
        using var refused = await _scenario.PartnerOf(organization, sub).GetAsync("/api/course-requests");
        await refused.ProblemAsync(HttpStatusCode.Forbidden, "membership_removed");
    }

    [Fact]
    public async Task OnlyCoordinators_ListAndRemoveMembers_AndAnUnknownOneIs404()
    {
        var organization = await _scenario.CreateOrganizationAsync();

        using var byPartner = await _scenario.PartnerOf(organization).GetAsync($"/api/organizations/{organization}/members");
        using var unknownMember = await _scenario.Coordinator.DeleteAsync($"/api/organizations/{organization}/members/nobody");
        using var unknownOrganization = await _scenario.Coordinator.DeleteAsync($"/api/organizations/{Guid.NewGuid()}/members/nobody");
        using var badStatus = await _scenario.Coordinator.GetAsync($"/api/organizations/{organization}/members?status=gone");

        await byPartner.ProblemAsync(HttpStatusCode.Forbidden, "coordinators_only");
        await unknownMember.ProblemAsync(HttpStatusCode.NotFound, "member_not_found");
        await unknownOrganization.ProblemAsync(HttpStatusCode.NotFound, "organization_not_found");
        await badStatus.ValidationAsync("status");
    }

    [Fact]
    public async Task OutsideDevelopmentsLeniency_APartnerWhoNeverJoined_Is403_AndAMemberIsServed()
    {
        await using var strict = factory.WithWebHostBuilder(builder => builder.UseSetting("Identity:Memberships:AllowUnknownMembers", "false"));
        var organization = await _scenario.CreateOrganizationAsync();
        var member = $"p-{Guid.NewGuid():N}";
        await JoinAsync(organization, member, null);

        using var stranger = PartnerOf(strict.CreateClient(), organization, $"p-{Guid.NewGuid():N}");
        using var joined = PartnerOf(strict.CreateClient(), organization, member);
        using var coordinator = strict.CreateClient();
        coordinator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("c-1", "coordinator"));

        await stranger.GetAsync("/api/course-requests").ProblemAsync(HttpStatusCode.Forbidden, "not_a_member");
        await joined.GetAsync("/api/course-requests").ReadAsync(HttpStatusCode.OK);
        await coordinator.GetAsync("/api/course-requests").ReadAsync(HttpStatusCode.OK);
    }

    private async Task JoinAsync(Guid organization, string sub, string? email)
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/dev/memberships", new { organizationId = organization, sub, email });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static HttpClient PartnerOf(HttpClient client, Guid organization, string sub)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(sub, "partner", organization.ToString()));
        return client;
    }

    private Task<long> EventCountAsync<TEvent>(Guid organization, string sub) => factory.Database.ScalarAsync<long>(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(TEvent).FullName},%' " +
        $"AND payload->'membership'->>'organizationId' = '{organization}' AND payload->'membership'->>'subject' = '{sub}'");
}
