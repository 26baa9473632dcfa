using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MicroInternships.ServiceDefaults.OpenApi;

/// <summary>A refusal one route makes beyond those every route of its kind can (<see cref="ProblemResponses"/>): its status and code.</summary>
public sealed record Refusal(int Status, string Code, string? Detail = null);

/// <summary>
/// Declares on a route the rules of the domain its handler can refuse with, so the API description lists each code
/// under its status. Every refusal the test suites observe must be declared (<c>DeclaredProblems</c>).
/// </summary>
public static class Refusals
{
    /// <summary>Codes a <see cref="DomainRuleException"/> of this kind carries out of the route's handler.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder route, RuleKind kind, params string[] codes) =>
        route.Refuses(ApiExceptionHandler.StatusOf(kind), codes);

    /// <summary>Role rules the handler applies after its lookup (<c>caller.Require(rule)</c>), so the route's policy does not name them.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder route, params RoleRule[] rules) =>
        route.WithMetadata([.. rules.Select(rule => new Refusal(StatusCodes.Status403Forbidden, rule.Code, rule.Detail))]);

    /// <summary>Refusals written by the handler itself with this status.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder route, int status, params string[] codes) =>
        route.WithMetadata([.. codes.Select(code => new Refusal(status, code))]);
}
