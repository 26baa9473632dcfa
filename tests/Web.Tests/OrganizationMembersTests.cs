using System.Net;
using MicroInternships.Web.Components.Pages.Coordinator;

namespace MicroInternships.Web.Tests;

/// <summary>A coordinator removes a partner who left, and chooses whether the organization's listings are on the public site.</summary>
public sealed class OrganizationMembersTests() : SignedInComponentTest("coordinator")
{
    private static readonly Guid _organization = Guid.Parse("0193b6a0-0000-7000-8000-000000000002");

    private static string Organization(bool publicListings) => $$"""
        {"id":"{{_organization}}","name":"Cascade Analytics","website":null,"description":null,"publicListings":{{(publicListings ? "true" : "false")}},"createdAt":"2026-11-01T00:00:00Z"}
        """;

    private const string Members = """
        {"items":[{"organizationId":"0193b6a0-0000-7000-8000-000000000002","sub":"p-left","email":"left@cascade.example","status":"active",
        "createdAt":"2026-11-02T00:00:00Z","removedAt":null}],"nextCursor":null}
        """;

    [Fact]
    public void Removing_a_member_says_so_and_takes_them_off_the_list()
    {
        ReadsAnswered();
        Gateway.Answer(HttpStatusCode.NoContent, "");
        var page = Render<OrganizationMembers>(parameters => parameters.Add(p => p.Id, _organization));
        page.WaitForAssertion(() => Assert.Contains("left@cascade.example", page.Markup));

        page.Find("button.danger").Click();

        page.WaitForAssertion(() => Assert.Contains("left@cascade.example can no longer act for Cascade Analytics.", page.Markup));
        Assert.Empty(page.FindAll("button.danger"));
        var (request, _) = Gateway.Received.Single(r => r.Request.Method != HttpMethod.Get);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal($"/api/organizations/{_organization}/members/p-left", request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public void Taking_the_listings_off_the_public_site_keeps_the_rest_of_the_organization()
    {
        ReadsAnswered();
        Gateway.Answer(HttpStatusCode.OK, Organization(false));
        var page = Render<OrganizationMembers>(parameters => parameters.Add(p => p.Id, _organization));
        page.WaitForAssertion(() => Assert.Contains("Stop showing its listings publicly", page.Markup));

        page.Find("#public-heading ~ button").Click();

        page.WaitForAssertion(() => Assert.Contains("Its listings are no longer on the public site.", page.Markup));
        Assert.Equal("""{"name":"Cascade Analytics","publicListings":false}""", Gateway.Received.Single(r => r.Request.Method == HttpMethod.Put).Body);
    }

    [Fact]
    public void An_invitation_shows_its_link_once_with_the_sites_address()
    {
        ReadsAnswered();
        Gateway.Answer(HttpStatusCode.Created, """
            {"id":"0193b6a0-0000-7000-8000-0000000000f1","organizationId":"0193b6a0-0000-7000-8000-000000000002","email":"dana@cascade.example",
            "status":"pending","invitedBy":"coordinator-1","createdAt":"2026-12-06T00:00:00Z","expiresAt":"2026-12-13T00:00:00Z","answeredAt":null,
            "acceptedBy":null,"token":"abc_DEF-123456789012345678901234567890123"}
            """);
        var page = Render<OrganizationMembers>(parameters => parameters.Add(p => p.Id, _organization));
        page.WaitForAssertion(() => Assert.Contains("left@cascade.example", page.Markup));

        page.Find("#invite-email").Input("dana@cascade.example");
        page.Find("#invite-heading ~ form").Submit();

        page.WaitForAssertion(() => Assert.Contains("This is the only time its link is shown", page.Markup));
        Assert.Equal("http://localhost/invitations/accept?token=abc_DEF-123456789012345678901234567890123", page.Find("#invite-link").GetAttribute("value"));
        Assert.Equal("""{"email":"dana@cascade.example"}""", Gateway.Received.Single(r => r.Request.Method == HttpMethod.Post).Body);
    }

    private void ReadsAnswered() => Gateway
        .AnswerAt($"/api/organizations/{_organization}", HttpStatusCode.OK, Organization(true))
        .AnswerAt($"/api/organizations/{_organization}/members", HttpStatusCode.OK, Members)
        .AnswerAt($"/api/organizations/{_organization}/invitations", HttpStatusCode.OK, """{"items":[],"nextCursor":null}""");
}
