namespace MicroInternships.Web.Security;

/// <summary>
/// The headers every answer of the site carries. The Content-Security-Policy allows scripts, styles and connections
/// from the site itself only, and no inline script or style at all: Blazor needs none (its script is a file, its
/// circuit a WebSocket to the same origin, and the reconnection notice is our own markup). Forms may post to the site,
/// and to the OpenID Connect authority, where signing out ends up. No page may be framed.
/// </summary>
public static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var policy = ContentSecurityPolicy(app.Environment.IsDevelopment() ? null : app.Configuration["Identity:Authority"]);

        // Set as the answer starts, so pages written by the error and status-code handlers (which clear the headers)
        // carry them too.
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next();
        });
        return app;
    }

    public static string ContentSecurityPolicy(string? authority)
    {
        var formAction = Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? $"'self' {uri.GetLeftPart(UriPartial.Authority)}" : "'self'";
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action {formAction}",
            "frame-ancestors 'none'");
    }
}
