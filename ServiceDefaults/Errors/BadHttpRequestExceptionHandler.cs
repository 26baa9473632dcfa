using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>
/// A request the framework could not read (malformed JSON, a value of the wrong type, a body over the size
/// limit) is the caller's mistake: answer with its 4xx status as problem details, naming the field when the
/// JSON reader or the parameter binder knows it, instead of a 500.
/// </summary>
public sealed partial class BadHttpRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = badRequest switch
        {
            { InnerException: JsonException { Path: { Length: > 2 } path } json } =>
                new ValidationProblemDetails(new Dictionary<string, string[]> { [FieldName(path)] = [Describe(json, FieldName(path))] }),
            _ when UnboundParameter().Match(badRequest.Message) is { Success: true } unbound =>
                WrongTypeOrFormat(JsonNamingPolicy.CamelCase.ConvertName(unbound.Groups["name"].Value)),
            _ => new ProblemDetails(),
        };
        problem.Status = badRequest.StatusCode;
        problem.Detail = badRequest.Message;
        problem.Extensions["code"] = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "body_too_large" : "malformed_request";
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>
    /// ASP.NET Core's message for a query, route or header value it could not convert, e.g. <c>Failed to bind parameter
    /// "int? limit" from "abc".</c>: the parameter's name is the field the caller sent.
    /// </summary>
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)" from """)]
    private static partial Regex UnboundParameter();

    private static ValidationProblemDetails WrongTypeOrFormat(string field) =>
        new(new Dictionary<string, string[]> { [field] = [WrongTypeOrFormatMessage(field)] });

    private static string WrongTypeOrFormatMessage(string field) => $"{field} has a value of the wrong type or format.";

    private static string FieldName(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>Our converters' messages say what is wrong; the reader's own names .NET types, so it is replaced.</summary>
    private static string Describe(JsonException json, string field)
    {
        var message = json.Message.Split(" Path:", 2)[0];
        return message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? WrongTypeOrFormatMessage(field)
            : message;
    }
}
