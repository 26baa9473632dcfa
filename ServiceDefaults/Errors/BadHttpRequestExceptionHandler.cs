using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>
/// A request the framework could not read (malformed JSON, a value of the wrong type, a body over the size
/// limit) is the caller's mistake: answer with its 4xx status as problem details, naming the field when the
/// JSON reader knows it, instead of a 500.
/// </summary>
public sealed class BadHttpRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = badRequest.InnerException is JsonException { Path: { Length: > 2 } path } json
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [FieldName(path)] = [Describe(json, FieldName(path))] })
            : new ProblemDetails();
        problem.Status = badRequest.StatusCode;
        problem.Detail = badRequest.Message;
        problem.Extensions["code"] = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "body_too_large" : "malformed_request";
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    private static string FieldName(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>Our converters' messages say what is wrong; the reader's own names .NET types, so it is replaced.</summary>
    private static string Describe(JsonException json, string field)
    {
        var message = json.Message.Split(" Path:", 2)[0];
        return message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? $"{field} has a value of the wrong type or format."
            : message;
    }
}
