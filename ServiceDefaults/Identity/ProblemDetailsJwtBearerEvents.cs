using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>
/// 401 and 403 answers as problem details, like every other error of the API. A correctly signed token is still
/// refused when it names no subject (every ownership rule is decided on <c>sub</c>) or carries more than one role
/// (checks that read "the" role would disagree on which).
/// </summary>
internal sealed class ProblemDetailsJwtBearerEvents : JwtBearerEvents
{
    private static readonly object _refusal = new();

    public override Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal ?? new ClaimsPrincipal();
        if (string.IsNullOrWhiteSpace(principal.FindFirstValue(ClaimNames.Subject)))
        {
            Refuse(context, "missing_subject", "The bearer token names no subject (sub).");
        }
        else if (principal.FindAll(ClaimNames.Role).Skip(1).Any())
        {
            Refuse(context, "ambiguous_role", "The bearer token carries more than one role; it must carry exactly one.");
        }

        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var response = context.Response;
        response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : "Bearer error=\"invalid_token\"";
        var (code, detail) = context.HttpContext.Items[_refusal] as (string, string)?
            ?? ("unauthorized", context.AuthenticateFailure is null ? "A bearer token is required." : "The bearer token is invalid or expired.");
        await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, code, detail);
    }

    private static void Refuse(TokenValidatedContext context, string code, string detail)
    {
        context.HttpContext.Items[_refusal] = (code, detail);
        context.Fail(detail);
    }

    public override Task Forbidden(ForbiddenContext context)
    {
        return WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "Your role may not do this.");
    }

    /// <summary>An identity refusal as problem details with its code (also <see cref="RoleRuleRefusals"/>'s).</summary>
    internal static async Task WriteAsync(HttpContext httpContext, int status, string code, string detail)
    {
        httpContext.Response.StatusCode = status;
        var problemDetails = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Detail = detail, Extensions = { ["code"] = code } },
        });
    }
}
