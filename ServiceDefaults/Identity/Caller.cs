using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>
/// Who is calling, read from the token's claims: what every ownership rule is decided on. Handlers take it as a
/// parameter (<see cref="BindAsync"/>).
/// </summary>
public sealed record Caller(string Id, string Role, string Name, Guid? OrganizationId)
{
    /// <summary>User ids (the token's <c>sub</c>) are opaque strings up to this long, as the contract says.</summary>
    public const int MaxIdLength = 255;

    /// <summary>Display names are kept to this length wherever a service stores them.</summary>
    public const int MaxNameLength = 200;

    public bool IsCoordinator => Role == Roles.Coordinator;

    public bool IsPartner => Role == Roles.Partner;

    public bool IsFaculty => Role == Roles.Faculty;

    public bool IsStudent => Role == Roles.Student;

    /// <summary>A partner acting for <paramref name="organizationId"/>: its token's <c>org</c> claim names it.</summary>
    public bool IsPartnerOf(Guid organizationId) => IsPartner && OrganizationId == organizationId;

    /// <summary>The name as services store it: without NUL characters (PostgreSQL refuses them), at most <see cref="MaxNameLength"/> long, never cut inside a character.</summary>
    private static string DisplayName(string name)
    {
        var clean = name.Replace("\0", "", StringComparison.Ordinal);
        if (clean.Length <= MaxNameLength)
        {
            return clean;
        }

        var cut = char.IsHighSurrogate(clean[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength;
        return clean[..cut];
    }

    /// <summary>403 with the rule's code unless the caller's role is one it allows: for callers who see a resource but may not act on it.</summary>
    public void Require(RoleRule rule)
    {
        if (!rule.Allows(Role))
        {
            throw Errors.DomainRuleException.Forbidden(rule.Code, rule.Detail);
        }
    }

    /// <summary>Binds a handler's <c>Caller caller</c> parameter, once per request, from the signed-in user's token.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));

    public static Caller From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimNames.Subject) ?? throw new InvalidOperationException("A signed-in caller without a subject.");
        if (id.Length > MaxIdLength)
        {
            throw new Errors.ApiException(401, "invalid_token", $"The token's subject is longer than {MaxIdLength} characters.");
        }

        var organization = Guid.TryParse(user.FindFirstValue(ClaimNames.Organization), out var org) ? org : (Guid?)null;
        if (id.Contains('\0'))
        {
            throw new Errors.ApiException(401, "invalid_token", "The token's subject contains a NUL character.");
        }

        return new Caller(id, user.FindFirstValue(ClaimNames.Role) ?? "", DisplayName(user.FindFirstValue(ClaimNames.Name) ?? id), organization);
    }
}
