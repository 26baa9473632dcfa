namespace MicroInternships.Gateway.Extensions;

internal static class NotFoundFallbacks
{
    /// <summary>
    /// A path no route serves is 404, not 401: only <c>/api/*</c> asks for a token first, as the contract says.
    /// Fallbacks rank below every proxy route, so they answer only what nothing else matched.
    /// </summary>
    public static IEndpointRouteBuilder MapNotFoundFallbacks(this IEndpointRouteBuilder app)
    {
        app.MapFallback("/api/{**path}", NotFound);
        app.MapFallback(NotFound).AllowAnonymous();
        return app;
    }

    private static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["code"] = "not_found" });
}
