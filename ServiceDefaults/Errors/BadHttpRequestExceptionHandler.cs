using System.Text.Json;
using System.Text.RegularExpressions;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>
/// A request the framework could not read (malformed JSON, a value of the wrong type, a body over the size
/// limit) is the caller's mistake: answer with its 4xx status as problem details, naming the field when the
/// JSON reader or the parameter binder knows it, instead of a 500. The framework's messages name .NET types and
/// parameters (<c>Failed to bind parameter "Nullable&lt;int&gt; limit"</c>), so none is passed on: every word of the
/// answer is written here, in the contract's field names.
/// </summary>
public sealed partial class BadHttpRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = Describe(badRequest);
        problem.Status = badRequest.StatusCode;
        problem.Extensions["code"] = badRequest.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "body_too_large",
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            _ => "malformed_request",
        };
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    private static ProblemDetails Describe(BadHttpRequestException badRequest) => badRequest switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new ProblemDetails { Detail = "The request body is larger than this endpoint accepts." },
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            new ProblemDetails { Detail = "The request body must be JSON, sent as Content-Type: application/json." },
        { InnerException: JsonException { Path: { Length: > 2 } path } json } =>
            FieldProblem(FieldName(path), json is InvalidFieldValueException ours ? ours.Message : WrongTypeOrFormat(FieldName(path))),
        { InnerException: JsonException } =>
            new ProblemDetails { Detail = "The request body is not a JSON object of the shape this endpoint takes." },
        _ when BoundParameter().Match(badRequest.Message) is { Success: true } parameter =>
            ParameterProblem(badRequest.Message, JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value)),
        _ when badRequest.Message.Contains("no body was provided", StringComparison.Ordinal) || badRequest.Message.EndsWith("from body.", StringComparison.Ordinal) =>
            new ProblemDetails { Detail = "This endpoint takes a JSON body; the request had none." },
        _ => new ProblemDetails { Detail = "The request could not be read." },
    };

    /// <summary>
    /// ASP.NET Core's messages for a query, route or header value it could not convert (<c>Failed to bind parameter
    /// "int? limit" from "abc".</c>) or did not find (<c>Required parameter "int limit" was not provided from query
    /// string.</c>): the parameter's name is the field the caller sent.
    /// </summary>
    [GeneratedRegex("""^(?:Failed to bind|Required) parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)" (?<what>from|was not provided from (?!body))""")]
    private static partial Regex BoundParameter();

    private static ProblemDetails ParameterProblem(string message, string field) =>
        message.StartsWith("Required", StringComparison.Ordinal)
            ? FieldProblem(field, $"{field} is required.")
            : FieldProblem(field, WrongTypeOrFormat(field));

    private static ValidationProblemDetails FieldProblem(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Detail = message };

    private static string WrongTypeOrFormat(string field) => $"{field} has a value of the wrong type or format.";

    private static string FieldName(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
