using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroInternships.Gateway.DevelopmentTokens;

/// <summary><c>POST /dev/token</c>: test tokens for any role, mapped only in Development; a partner's makes them a member of its organization.</summary>
public static class DevelopmentTokenEndpoints
{
    private const int MaxSubjectLength = 255;

    public static IEndpointRouteBuilder MapDevelopmentTokens(this IEndpointRouteBuilder app)
    {
        var issuer = ActivatorUtilities.CreateInstance<DevelopmentTokenIssuer>(app.ServiceProvider);
        app.MapPost("/dev/token", async (DevelopmentTokenRequest request, DevelopmentMemberships memberships, CancellationToken cancellationToken) =>
            {
                var issued = IssueToken(request, issuer);
                if (issued.Result is Ok<DevelopmentTokenResponse> && request is { Role: Roles.Partner, Org: { } organization })
                {
                    await memberships.EnsureAsync(request.Sub!, organization, request.Email, cancellationToken);
                }

                return issued;
            })
            .AllowAnonymous()
            .WithName("IssueDevelopmentToken")
            .WithSummary("Issues a signed test token (Development only).");
        return app;
    }

    private static Results<Ok<DevelopmentTokenResponse>, ValidationProblem> IssueToken(DevelopmentTokenRequest request, DevelopmentTokenIssuer issuer)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(issuer.Issue(request.Sub!, request.Role!, request.Name, request.Email, request.Org));
    }

    private static Dictionary<string, string[]> Validate(DevelopmentTokenRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Sub) || request.Sub.Length > MaxSubjectLength)
        {
            errors["sub"] = [$"sub is required, at most {MaxSubjectLength} characters."];
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            errors["role"] = [$"role must be one of: {string.Join(", ", Roles.All)}."];
        }
        else if (request.Role == Roles.Partner && string.IsNullOrWhiteSpace(request.Org))
        {
            errors["org"] = ["org (the partner's organization id) is required for partners."];
        }

        return errors;
    }
}
