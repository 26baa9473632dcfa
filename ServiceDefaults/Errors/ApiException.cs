using Microsoft.AspNetCore.Http;

namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>
/// A request the service refuses, with the status and stable <c>code</c> the contract gives it. Handlers and
/// entities throw it; <see cref="ApiExceptionHandler"/> writes it as problem details.
/// </summary>
public class ApiException(int statusCode, string code, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    /// <summary>404: the caller may not see it, or it does not exist; the answer never says which.</summary>
    public static ApiException NotFound(string resource) =>
        new(StatusCodes.Status404NotFound, $"{resource}_not_found", $"No {resource.Replace('_', ' ')} with that id.");

    public static ApiException Forbidden(string code, string detail) => new(StatusCodes.Status403Forbidden, code, detail);

    public static ApiException Conflict(string code, string detail) => new(StatusCodes.Status409Conflict, code, detail);
}
