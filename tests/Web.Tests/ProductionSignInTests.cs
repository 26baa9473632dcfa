using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Web.Tests;

/// <summary>Outside Development the site signs people in through the OIDC authority only.</summary>
public sealed class ProductionSignInTests
{
    [Fact]
    public void Without_an_authority_the_site_refuses_to_start()
    {
        using var site = Site(authority: "");

        var failure = Assert.Throws<InvalidOperationException>(() => site.CreateClient());

        Assert.Contains("Identity:Authority", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_client_secret_committed_for_development_the_site_refuses_to_start()
    {
        using var site = Site(authority: "https://login.example.edu")
            .WithWebHostBuilder(host => host.UseSetting("Identity:ClientSecret", "development-only-web-client-secret"));

        var failure = Assert.ThrowsAny<Exception>(() => site.CreateClient()).ToString();

        Assert.Contains("Identity:ClientSecret: a secret committed for development", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("development-only-web-client-secret", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public void The_development_sign_in_exists_only_in_development(string environment, bool exists)
    {
        using var site = Site(authority: "https://login.example.edu", environment);
        site.CreateClient().Dispose();

        var routes = site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>().Select(endpoint => endpoint.RoutePattern.RawText?.TrimStart('/'));

        Assert.Equal(exists, routes.Contains("account/sign-in/development"));
    }

    [Fact]
    public async Task A_visitor_who_must_sign_in_is_sent_to_the_sign_in_page()
    {
        using var site = Site(authority: "https://login.example.edu");
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/downloads/events/0193b6a0-0000-7000-8000-000000000009/registrations.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
    }

    private static WebApplicationFactory<Program> Site(string authority, string environment = "Production") =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment(environment)
            .UseSetting("Identity:Authority", authority)
            .UseSetting("Identity:ClientId", "micro-internships-web"));
}
