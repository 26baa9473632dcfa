using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace MicroInternships.ServiceDefaults.OpenApi;

/// <summary>The problems one route can answer with one status, and every <c>code</c> they carry.</summary>
public sealed record ProblemCodes(int Status, IReadOnlyList<string> Codes);

/// <summary>
/// Which problems a route can answer, declared on it once every other convention has run, from what the route says
/// about itself (its path parameters, its method, whether it needs a token, which role rule guards it) and from the
/// refusals its handler declares (<see cref="Refusals"/>).
/// </summary>
public static class ProblemResponses
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Each route of the group (or the route) declares its problem answers after its own conventions.</summary>
    public static TBuilder DescribeProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(Describe);
        return builder;
    }

    /// <summary>The statuses a route built by <paramref name="endpoint"/> can answer with a problem, each with every code it can carry.</summary>
    public static IReadOnlyList<ProblemCodes> CodesOf(EndpointBuilder endpoint)
    {
        var method = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).FirstOrDefault() ?? HttpMethods.Get;
        var takesBody = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
        var changes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var anonymous = endpoint.Metadata.OfType<IAllowAnonymous>().Any();
        var hasPathParameters = endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 };
        var authenticatedWrite = changes && !anonymous;

        var codes = new SortedDictionary<int, SortedSet<string>>();
        void Add(int status, params string[] some)
        {
            if (!codes.TryGetValue(status, out var set))
            {
                codes[status] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(some);
        }

        Add(StatusCodes.Status400BadRequest, "malformed_request", "validation_failed");
        if (authenticatedWrite)
        {
            Add(StatusCodes.Status400BadRequest, "invalid_idempotency_key", "invalid_state");
        }

        if (!anonymous)
        {
            Add(StatusCodes.Status401Unauthorized, "unauthorized", "invalid_token", "missing_subject", "ambiguous_role");
            Add(StatusCodes.Status403Forbidden, [.. RoleRulesOf(endpoint.Metadata).Select(rule => rule.Code).DefaultIfEmpty("forbidden")]);
            Add(StatusCodes.Status403Forbidden, "not_a_member", "membership_removed");
        }

        if (hasPathParameters)
        {
            Add(StatusCodes.Status404NotFound, "not_found");
        }

        if (authenticatedWrite)
        {
            Add(StatusCodes.Status409Conflict, "idempotency_request_in_progress", "concurrent_update", "duplicate");
        }

        if (HttpMethods.IsPut(method))
        {
            Add(StatusCodes.Status412PreconditionFailed, "version_mismatch");
        }

        if (takesBody)
        {
            Add(StatusCodes.Status413PayloadTooLarge, "body_too_large");
            Add(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type");
        }

        Add(StatusCodes.Status414UriTooLong, "uri_too_long");
        if (authenticatedWrite)
        {
            Add(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused");
        }

        Add(StatusCodes.Status429TooManyRequests, "rate_limited");
        Add(StatusCodes.Status502BadGateway, "service_unreachable");
        Add(StatusCodes.Status503ServiceUnavailable, "database_unavailable", "service_unavailable");
        Add(StatusCodes.Status504GatewayTimeout, "service_timeout");
        foreach (var refusal in endpoint.Metadata.OfType<Refusal>())
        {
            Add(refusal.Status, refusal.Code);
        }

        return [.. codes.Select(status => new ProblemCodes(status.Key, [.. status.Value]))];
    }

    /// <summary>The role rules that guard the route itself (those a handler applies after its lookup are not here).</summary>
    public static IEnumerable<RoleRule> RoleRulesOf(IEnumerable<object> metadata) =>
        metadata.OfType<AuthorizationPolicy>().SelectMany(policy => policy.Requirements.OfType<RoleRule>()).Distinct();

    private static void Describe(EndpointBuilder endpoint)
    {
        foreach (var problem in CodesOf(endpoint))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(problem.Status, typeof(ApiProblem), [ProblemJson]));
            endpoint.Metadata.Add(problem);
        }
    }
}
