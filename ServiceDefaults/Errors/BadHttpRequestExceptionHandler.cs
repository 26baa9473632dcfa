using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>
/// A request the framework could not read (malformed JSON, a body over the size limit) is the caller's
/// mistake: answer with its 4xx status as problem details instead of a 500.
/// </summary>
public sealed class BadHttpRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var code = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "body_too_large" : "malformed_request";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Detail = badRequest.Message,
                Extensions = { ["code"] = code },
            },
        });
    }
}
