using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>
/// A role rule, declared once with the <c>code</c> and detail a refused caller gets: which roles may do something.
/// A route group requires its <see cref="Policy"/> when the route alone decides (a collection, a coordinators' tool);
/// a handler calls <see cref="Caller.Require(RoleRule)"/> right after its visibility lookup when the rule concerns a
/// resource, because the contract answers 404 to a caller who may not see the resource before 403 to one who may
/// see it but not act on it.
/// </summary>
public sealed class RoleRule : AuthorizationHandler<RoleRule>, IAuthorizationRequirement
{
    private readonly HashSet<string> _roles;

    public RoleRule(string code, string detail, params string[] roles)
    {
        if (roles.Length == 0 || roles.Any(role => !Roles.All.Contains(role)))
        {
            throw new ArgumentException("A role rule names one or more of the platform's roles.", nameof(roles));
        }

        Code = code;
        Detail = detail;
        _roles = new HashSet<string>(roles, StringComparer.Ordinal);
        Policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(this).Build();
    }

    public string Code { get; }

    public string Detail { get; }

    public IReadOnlySet<string> AllowedRoles => _roles;

    /// <summary>The authorization policy of this rule alone, for <c>RequireAuthorization</c> on a route group.</summary>
    public AuthorizationPolicy Policy { get; }

    public bool Allows(string role) => _roles.Contains(role);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRule requirement)
    {
        if (requirement.Allows(context.User.FindFirstValue(ClaimNames.Role) ?? ""))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public override string ToString() => $"{Code} ({string.Join(", ", _roles)})";
}
