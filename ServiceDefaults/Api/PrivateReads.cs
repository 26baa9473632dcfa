using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MicroInternships.ServiceDefaults.Api;

/// <summary>
/// What a signed-in caller reads is theirs: <c>Cache-Control: private, no-cache</c>, so no shared cache keeps it and
/// the caller's own cache asks again (with its <c>ETag</c> where there is one) before reusing it. Anonymous reads set
/// their own policy.
/// </summary>
public static class PrivateReads
{
    private const string Policy = "private, no-cache";

    public static IApplicationBuilder UsePrivateReads(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) && http.User.Identity?.IsAuthenticated == true)
        {
            http.Response.OnStarting(() =>
            {
                if (!http.Response.Headers.ContainsKey(HeaderNames.CacheControl))
                {
                    http.Response.Headers.CacheControl = Policy;
                }

                return Task.CompletedTask;
            });
        }

        return next(http);
    });
}
