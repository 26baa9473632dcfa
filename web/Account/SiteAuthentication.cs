using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MicroInternships.Web.Account;

/// <summary>
/// A session cookie (HTTP only, encrypted, sent over HTTPS only outside Development) holds who is signed in and their gateway token. Development signs in
/// through the gateway's test tokens; every other environment through the OIDC authority, and refuses to start
/// without one.
/// </summary>
public static class SiteAuthentication
{
    public const string CookieName = "mi.session";

    public static WebApplicationBuilder AddSiteAuthentication(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        // Everyone who must sign in lands on /signin first, which offers the picker in Development and the
        // authority's sign-in elsewhere.
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
        authentication.AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.LoginPath = AccountEndpoints.SignInPath;
            cookie.AccessDeniedPath = "/";
            cookie.SlidingExpiration = false;
        });

        if (!development)
        {
            var identity = builder.Configuration.GetSection("Identity");
            var authority = identity["Authority"];
            if (string.IsNullOrWhiteSpace(authority))
            {
                throw new InvalidOperationException("Identity:Authority must name the OpenID Connect authority outside Development.");
            }

            authentication.AddOpenIdConnect(oidc =>
            {
                oidc.Authority = authority;
                oidc.ClientId = identity["ClientId"];
                oidc.ClientSecret = identity["ClientSecret"];
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.MapInboundClaims = false;
                oidc.SaveTokens = false;
                oidc.Scope.Add("email");
                oidc.TokenValidationParameters.NameClaimType = SiteClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = SiteClaims.Role;
                oidc.Events.OnTokenValidated = context =>
                {
                    var principal = context.Principal!;
                    var accessToken = context.TokenEndpointResponse?.AccessToken
                        ?? throw new InvalidOperationException("The authority answered without an access token.");
                    context.Principal = new(SiteClaims.Identity(
                        principal.Id() ?? throw new InvalidOperationException("The authority's token has no subject."),
                        principal.RoleName() ?? Roles.Student,
                        principal.FindFirst(SiteClaims.Name)?.Value,
                        principal.FindFirst(SiteClaims.Email)?.Value,
                        principal.FindFirst(SiteClaims.Organization)?.Value,
                        accessToken,
                        CookieAuthenticationDefaults.AuthenticationScheme));
                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddAntiforgery(antiforgery =>
            antiforgery.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }
}
