using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>
/// Writes refusals as problem details with their <c>code</c>: a rule's by its kind (not found 404, forbidden 403,
/// conflict 409, invalid 400), the protocol's with its own status. A unique-key violation or a lost optimistic
/// concurrency race is a conflict the caller can retry or resolve, so it is 409, not 500; a database that stayed
/// unreachable through the client's retries is 503 with <c>Retry-After</c>, which clients and the gateway understand.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    private const string UniqueViolation = "23505";
    private const string CheckViolation = "23514";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => new ValidationProblemDetails(validation.Errors) { Status = StatusCodes.Status400BadRequest, Detail = validation.Message },
            DomainRuleException rule => new ProblemDetails { Status = StatusOf(rule.Kind), Detail = rule.Message },
            ApiException api => new ProblemDetails { Status = api.StatusCode, Detail = api.Message },
            DbUpdateConcurrencyException => new ProblemDetails { Status = StatusCodes.Status409Conflict, Detail = "The resource changed while this request was applied; read it again and retry." },
            DbUpdateException { InnerException: DbException { SqlState: UniqueViolation } } => new ProblemDetails { Status = StatusCodes.Status409Conflict, Detail = "That already exists." },
            DbUpdateException { InnerException: DbException { SqlState: CheckViolation } } => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Detail = "The request breaks a rule the data must keep." },
            _ when IsDatabaseUnavailable(exception) => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Detail = "The service's database is unavailable; try again shortly." },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        problem.Extensions["code"] = exception switch
        {
            DomainRuleException rule => rule.Code,
            ApiException api => api.Code,
            DbUpdateConcurrencyException => "concurrent_update",
            DbUpdateException { InnerException: DbException { SqlState: CheckViolation } } => "invalid_state",
            _ when problem.Status == StatusCodes.Status503ServiceUnavailable => "database_unavailable",
            _ => "duplicate",
        };
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    internal static int StatusOf(RuleKind kind) => kind switch
    {
        RuleKind.NotFound => StatusCodes.Status404NotFound,
        RuleKind.Forbidden => StatusCodes.Status403Forbidden,
        RuleKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static bool IsDatabaseUnavailable(Exception exception) => exception switch
    {
        RetryLimitExceededException => true,
        DbException { IsTransient: true } => true,
        DbUpdateException { InnerException: DbException { IsTransient: true } } => true,
        InvalidOperationException { InnerException: DbException { IsTransient: true } } => true,
        _ => false,
    };
}
