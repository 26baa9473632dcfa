using MicroInternships.ServiceDefaults.Edge;
using MicroInternships.Web.Api;

namespace MicroInternships.Web.Security;

/// <summary>
/// The site at its edge: it believes <c>X-Forwarded-For</c> from <c>Site:TrustedProxies</c> only (the ingress; none by
/// default), knows each visitor's address by it and forwards it to the gateway, and answers with its security headers.
/// </summary>
public static class SiteEdge
{
    public const string TrustedProxiesSetting = "Site:TrustedProxies";

    public static WebApplicationBuilder AddSiteEdge(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(TrustedProxiesSetting).Get<string[]>() ?? [];
        builder.Services.TrustForwardedHeadersFrom(proxies, TrustedProxiesSetting);
        builder.Services.AddScoped<Visitor>();
        return builder;
    }

    public static WebApplication UseSiteEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        return app;
    }
}
