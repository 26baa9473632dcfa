using System.Net;
using MicroInternships.Contracts.Listings;

namespace MicroInternships.Placements.Tests;

/// <summary>Placements follows Listings' memberships: a removed member's calls as the organization's partner are refused here too.</summary>
[Collection(PlacementsCollection.Name)]
public sealed class MemberCopyTests(PlacementsFactory factory)
{
    [Fact]
    public async Task ARemovedMember_Is403_UntilANewerMembershipArrives_AndAnOlderOneChangesNothing()
    {
        var organization = Guid.NewGuid();
        var sub = $"p-{Guid.NewGuid():N}";
        var partner = factory.CreateClientAs(sub, "partner", organization.ToString());
        await partner.GetAsync("/api/placements").ReadAsync(HttpStatusCode.OK);

        await factory.PublishAndWaitAsync(new OrganizationMemberRemoved(new MembershipSnapshot(organization, sub, "removed", 2), DateTimeOffset.UtcNow));
        await partner.GetAsync("/api/placements").ProblemAsync(HttpStatusCode.Forbidden, "membership_removed");

        await factory.PublishAndWaitAsync(new OrganizationMemberAdded(new MembershipSnapshot(organization, sub, "active", 1), DateTimeOffset.UtcNow));
        await partner.GetAsync("/api/placements").ProblemAsync(HttpStatusCode.Forbidden, "membership_removed");

        await factory.PublishAndWaitAsync(new OrganizationMemberAdded(new MembershipSnapshot(organization, sub, "active", 3), DateTimeOffset.UtcNow));
        await partner.GetAsync("/api/placements").ReadAsync(HttpStatusCode.OK);
        var anotherOrganization = factory.CreateClientAs(sub, "partner", Guid.NewGuid().ToString());
        await anotherOrganization.GetAsync("/api/placements").ReadAsync(HttpStatusCode.OK);
    }
}
