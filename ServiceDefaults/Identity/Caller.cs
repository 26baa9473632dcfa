using System.Security.Claims;

namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>Who is calling, read from the token's claims: what every ownership rule is decided on.</summary>
public sealed record Caller(string Id, string Role, string Name, Guid? OrganizationId)
{
    public bool IsCoordinator => Role == Roles.Coordinator;

    public bool IsPartner => Role == Roles.Partner;

    public bool IsFaculty => Role == Roles.Faculty;

    public bool IsStudent => Role == Roles.Student;

    /// <summary>A partner acting for <paramref name="organizationId"/>: its token's <c>org</c> claim names it.</summary>
    public bool IsPartnerOf(Guid organizationId) => IsPartner && OrganizationId == organizationId;

    public static Caller From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimNames.Subject) ?? throw new InvalidOperationException("A signed-in caller without a subject.");
        var organization = Guid.TryParse(user.FindFirstValue(ClaimNames.Organization), out var org) ? org : (Guid?)null;
        return new Caller(id, user.FindFirstValue(ClaimNames.Role) ?? "", user.FindFirstValue(ClaimNames.Name) ?? id, organization);
    }
}
