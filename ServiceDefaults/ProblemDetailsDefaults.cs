using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

internal static class ProblemDetailsDefaults
{
    /// <summary>Every problem carries its trace id, and a <c>code</c> even when the framework wrote it (an unknown route, a body that is not JSON).</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Extensions.TryAdd("traceId", traceId);
        if (FrameworkCode(context.ProblemDetails.Status) is { } code)
        {
            context.ProblemDetails.Extensions.TryAdd("code", code);
        }
    }

    private static string? FrameworkCode(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "malformed_request",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status406NotAcceptable => "not_acceptable",
        StatusCodes.Status413PayloadTooLarge => "body_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        _ => null,
    };
}
