using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace MicroInternships.ServiceDefaults.OpenApi;

/// <summary>
/// Which problem statuses a route can answer, declared on it once every other convention has run, from what the route
/// says about itself: its path parameters, its method, whether it needs a token, which role rule guards it.
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

    /// <summary>The statuses a route built by <paramref name="endpoint"/> can answer with a problem.</summary>
    public static IEnumerable<int> StatusesOf(EndpointBuilder endpoint)
    {
        var method = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).FirstOrDefault() ?? HttpMethods.Get;
        var takesBody = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
        var changes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var anonymous = endpoint.Metadata.OfType<IAllowAnonymous>().Any();
        var hasPathParameters = endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 };

        yield return StatusCodes.Status400BadRequest;
        if (!anonymous)
        {
            yield return StatusCodes.Status401Unauthorized;
            yield return StatusCodes.Status403Forbidden;
        }

        if (hasPathParameters)
        {
            yield return StatusCodes.Status404NotFound;
        }

        if (changes && !anonymous)
        {
            yield return StatusCodes.Status409Conflict;
        }

        if (HttpMethods.IsPut(method))
        {
            yield return StatusCodes.Status412PreconditionFailed;
        }

        if (takesBody)
        {
            yield return StatusCodes.Status413PayloadTooLarge;
            yield return StatusCodes.Status415UnsupportedMediaType;
        }

        if (changes && !anonymous)
        {
            yield return StatusCodes.Status422UnprocessableEntity;
        }

        yield return StatusCodes.Status429TooManyRequests;
        yield return StatusCodes.Status503ServiceUnavailable;
    }

    /// <summary>The role rules that guard the route itself (those a handler applies after its lookup are not here).</summary>
    public static IEnumerable<RoleRule> RoleRulesOf(IEnumerable<object> metadata) =>
        metadata.OfType<AuthorizationPolicy>().SelectMany(policy => policy.Requirements.OfType<RoleRule>()).Distinct();

    private static void Describe(EndpointBuilder endpoint)
    {
        foreach (var status in StatusesOf(endpoint).ToList())
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ApiProblem), [ProblemJson]));
        }
    }
}
