using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

internal static partial class ProblemDetailsDefaults
{
    /// <summary>Every problem carries its trace id, and a <c>code</c> even when the framework wrote it (an unknown route, a body that is not JSON).</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Extensions.TryAdd("traceId", traceId);
        if (context.ProblemDetails.Status == StatusCodes.Status404NotFound
            && VersionedPath().Match(context.HttpContext.Request.Path.Value ?? "") is { Success: true } asked)
        {
            // A versioned route with a version the API does not have matches no endpoint; say so rather than "not found".
            context.ProblemDetails.Extensions.TryAdd("code", "unsupported_api_version");
            context.ProblemDetails.Detail ??=
                $"This API has no version {asked.Groups["version"].Value}. Version 1 answers at /api/... and at /api/v1/....";
        }

        if (FrameworkCode(context.ProblemDetails.Status) is { } code)
        {
            context.ProblemDetails.Extensions.TryAdd("code", code);
        }
    }

    [GeneratedRegex(@"^/api/v(?<version>\d[^/]*)/", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedPath();

    private static string? FrameworkCode(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "malformed_request",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status406NotAcceptable => "not_acceptable",
        StatusCodes.Status413PayloadTooLarge => "body_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        // Only the gateway answers these: the service behind the route could not be reached, or went silent.
        StatusCodes.Status502BadGateway => "service_unreachable",
        StatusCodes.Status504GatewayTimeout => "service_timeout",
        _ => null,
    };
}
