using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>
/// A caller refused by a route group's <see cref="RoleRule"/> gets that rule's <c>code</c> and detail, the same answer
/// the rule gives when a handler applies it; every other outcome goes the framework's way.
/// </summary>
internal sealed class RoleRuleRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RoleRule>().FirstOrDefault() is { } rule)
        {
            await ProblemDetailsJwtBearerEvents.WriteAsync(context, StatusCodes.Status403Forbidden, rule.Code, rule.Detail);
            return;
        }

        await _framework.HandleAsync(next, context, policy, authorizeResult);
    }
}
