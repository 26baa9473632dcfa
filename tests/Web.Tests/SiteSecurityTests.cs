using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MicroInternships.Web.Tests;

/// <summary>The site's headers, cookies and sign-out, as a browser and a hostile page would meet them.</summary>
public sealed class SiteSecurityTests
{
    [Theory]
    [InlineData("Development", "/")]
    [InlineData("Development", "/signin")]
    [InlineData("Development", "/no-such-page")]
    [InlineData("Production", "/")]
    [InlineData("Production", "/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string environment, string path)
    {
        using var site = Site(environment);

        using var response = await site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);

        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Outside_development_forms_may_post_to_the_site_and_the_authority_only()
    {
        using var site = Site("Production");

        using var response = await site.CreateClient().GetAsync("/");

        Assert.Equal("'self' https://login.example.edu", Directives(Header(response, "Content-Security-Policy"))["form-action"]);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_for_the_policy_to_refuse()
    {
        using var site = Site("Development");

        var page = await site.CreateClient().GetStringAsync("/signin");

        Assert.DoesNotContain("<script>", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("type=\"importmap\"", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("id=\"components-reconnect-modal\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitors_public_page_is_plain_html_with_no_script_and_no_circuit()
    {
        using var site = Site("Development");

        var page = await site.CreateClient().GetStringAsync("/projects");

        Assert.Contains("<h1>Open projects</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("components-reconnect-modal", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", CookieSecurePolicy.Always)]
    [InlineData("Development", CookieSecurePolicy.SameAsRequest)]
    public void The_session_and_antiforgery_cookies_travel_over_https_only_outside_development(string environment, CookieSecurePolicy expected)
    {
        using var site = Site(environment);
        site.CreateClient().Dispose();

        var session = site.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var antiforgery = site.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        Assert.Equal(expected, session.Cookie.SecurePolicy);
        Assert.Equal(expected, antiforgery.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task A_sign_out_posted_from_another_site_without_the_pages_token_is_refused()
    {
        using var site = Site("Development");
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery_failed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> Site(string environment) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment(environment)
            .UseSetting("Identity:Authority", environment == "Development" ? "" : "https://login.example.edu/realms/university")
            .UseSetting("Identity:ClientId", "micro-internships-web"));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"No {name} header on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
}
