using System.Net.Http.Json;
using MicroInternships.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace MicroInternships.Web.Account;

/// <summary>
/// Signing in and out. In Development a form trades a chosen identity for a token from the gateway's
/// <c>/dev/token</c>; elsewhere the standard OpenID Connect flow runs against <c>Identity:Authority</c>.
/// </summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/signin";
    private static readonly TimeSpan _tokenSafetyMargin = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        var account = app.MapGroup("/account");
        if (environment.IsDevelopment())
        {
            account.MapPost("/sign-in/development", SignInForDevelopmentAsync);
        }
        else
        {
            account.MapGet("/sign-in", (string? returnUrl) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = LocalReturnUrl.Of(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme]));
        }

        account.MapPost("/sign-out", SignOutAsync);
        return app;
    }

    private static async Task<IResult> SignInForDevelopmentAsync(
        [FromForm] DevelopmentSignInForm form,
        HttpContext http,
        IHttpClientFactory httpClients,
        TimeProvider clock)
    {
        var returnUrl = LocalReturnUrl.Of(form.ReturnUrl);
        var problem = DevelopmentSignInRules.Check(form);
        if (problem is not null)
        {
            return Retry(problem, returnUrl);
        }

        using var gateway = httpClients.CreateClient(GatewayClient.HttpClientName);
        gateway.DefaultRequestHeaders.ForwardFor(http.Connection.RemoteIpAddress);
        using var response = await gateway.PostAsJsonAsync("/dev/token", new
        {
            sub = form.Sub!.Trim(),
            role = form.Role,
            name = form.Name?.Trim(),
            email = form.Email?.Trim(),
            org = form.Role == Roles.Partner ? form.Org?.Trim() : null,
        }, http.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            var answer = await ApiProblem.ReadAsync(response, http.RequestAborted);
            return Retry(answer.Describe(), returnUrl);
        }

        var token = await response.Content.ReadFromJsonAsync<DevelopmentToken>(http.RequestAborted)
            ?? throw new InvalidOperationException("The gateway answered /dev/token without a token.");
        var identity = SiteClaims.Identity(form.Sub.Trim(), form.Role!, form.Name, form.Email, form.Role == Roles.Partner ? form.Org : null,
            token.AccessToken, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new(identity), new AuthenticationProperties
        {
            ExpiresUtc = clock.GetUtcNow().AddSeconds(token.ExpiresIn) - _tokenSafetyMargin,
        });
        return TypedResults.LocalRedirect(returnUrl);
    }

    /// <summary>
    /// By POST with the page's antiforgery token only: the framework checks tokens for endpoints that read a form, and
    /// this one reads none, so it checks itself; otherwise any site could sign a visitor out.
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, IHostEnvironment environment, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out did not come from this site's page.",
                extensions: new Dictionary<string, object?> { ["code"] = "antiforgery_failed" });
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!environment.IsDevelopment())
        {
            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]);
        }

        return TypedResults.LocalRedirect("/");
    }

    private static IResult Retry(string problem, string returnUrl) =>
        TypedResults.LocalRedirect($"{SignInPath}?error={Uri.EscapeDataString(problem)}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    private sealed record DevelopmentToken(string AccessToken, int ExpiresIn);
}
